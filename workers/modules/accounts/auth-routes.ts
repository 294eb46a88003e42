import { Hono } from 'hono';
import { loginBody, registerBody } from '../../shared/schemas/auth';
import { loadConfig } from '../../core/config';
import type { AppEnv } from '../../core/http/app-env';
import { AppError } from '../../core/errors';
import { clientIp } from '../../core/http/middleware/rate-limit';
import { login, register } from './accounts';
import { validate } from '../../core/http/validate';

export const auth = new Hono<AppEnv>()
  .post('/register', validate('json', registerBody), async (c) => {
    const body = c.req.valid('json');
    const result = await register(c.get('db'), c.env.EMAIL_QUEUE, body, loadConfig(c.env), c.get('requestId'));
    return c.json(result, 201);
  })
  .post('/login', validate('json', loginBody), async (c) => {
    const body = c.req.valid('json');
    // Budget per address and per account, so neither spraying nor one targeted account works.
    const [byIp, byEmail] = await Promise.all([
      c.env.LOGIN_LIMITER.limit({ key: `ip:${clientIp(c.req.raw)}` }),
      c.env.LOGIN_LIMITER.limit({ key: `email:${body.email}` }),
    ]);
    if (!byIp.success || !byEmail.success) {
      throw new AppError('RATE_LIMITED', 'Too many sign-in attempts; wait a minute and try again');
    }
    return c.json(await login(c.get('db'), body, loadConfig(c.env).jwt));
  });
