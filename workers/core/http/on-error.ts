import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, errorBody } from '../errors';
import type { AppEnv } from './app-env';
import { RETRY_AFTER_SECONDS } from './middleware/rate-limit';

/** The single error path: known errors keep their code, anything else becomes a 500 that leaks nothing. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const requestId = c.get('requestId') ?? 'unknown';
  if (err instanceof AppError) {
    if (err.status >= 500) console.error(JSON.stringify({ requestId, code: err.code, message: err.message }));
    const retryAfter = err.code === 'RATE_LIMITED' ? RETRY_AFTER_SECONDS : err.retryAfterSeconds;
    if (retryAfter) c.header('Retry-After', String(retryAfter));
    return c.json(errorBody(err.code, err.message, requestId, err.details), err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own 4xx: a body that is not JSON, or a Content-Type the route does not declare (zod-openapi's 415).
    const code = err.status === 400 ? 'MALFORMED_JSON' : err.status === 415 ? 'UNSUPPORTED_TYPE' : 'VALIDATION_ERROR';
    return c.json(errorBody(code, err.message || 'Bad request', requestId), err.status as ContentfulStatusCode);
  }
  if (isStripeError(err)) {
    // Stripe down, unreachable, or refusing what we sent: the buyer can retry; we need the details.
    console.error(JSON.stringify({ requestId, stripe: { type: err.type, code: err.code, message: err.message } }));
    return c.json(errorBody('PAYMENTS_UNAVAILABLE', 'The payment provider could not handle this right now; try again shortly', requestId), 503);
  }
  console.error(JSON.stringify({ requestId, error: err.stack ?? String(err) }));
  return c.json(errorBody('INTERNAL_ERROR', 'Something went wrong on our side', requestId), 500);
}

/** The Stripe SDK's errors (StripeConnectionError, StripeInvalidRequestError, ...), told apart without importing the SDK here. */
function isStripeError(err: Error): err is Error & { type: string; code?: string } {
  const type = (err as { type?: unknown }).type;
  return typeof type === 'string' && type.startsWith('Stripe');
}
