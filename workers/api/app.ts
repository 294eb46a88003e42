import { Hono } from 'hono';
import type { AppEnv } from './context';
import { errorBody, handleError } from './errors';
import { authenticate } from './middleware/auth';
import { corsForApp } from './middleware/cors';
import { database } from './middleware/db';
import { rateLimit } from './middleware/rate-limit';
import { requestId } from './middleware/request-id';
import { albumsRoutes } from './routes/albums';
import { apiKeysRoutes } from './routes/api-keys';
import { auth } from './routes/auth';
import { billingRoutes } from './routes/billing';
import { devMail } from './routes/dev-mail';
import { downloadsRoutes } from './routes/downloads';
import { packsRoutes } from './routes/packs';
import { payoutsRoutes } from './routes/payouts';
import { shopRoutes } from './routes/shop';
import { stripeWebhooks } from './routes/stripe-webhooks';
import { health } from './routes/health';
import { me } from './routes/me';
import { photosRoutes } from './routes/photos';
import { publicRoutes } from './routes/public';
import { seoRoutes } from './routes/seo';
import { signedUploads } from './routes/signed-uploads';
import { startListRoutes } from './routes/start-list';
import { tagsRoutes } from './routes/tags';
import { visionRoutes } from './routes/vision';

/** Routes that need no session: health, sign-up/in, signed upload and download URLs and Stripe webhooks (the signature is the credential), the public gallery and shop, the dev mailbox. */
const open = new Hono<AppEnv>()
  .route('/health', health)
  .route('/v1/auth', auth)
  .route('/v1/uploads', signedUploads)
  .route('/v1/public', publicRoutes)
  .route('/v1/public', shopRoutes)
  .route('/v1/webhooks', stripeWebhooks)
  .route('/v1/downloads', downloadsRoutes)
  .route('/dev/mail', devMail)
  .route('/', seoRoutes);

/** Everything else under /v1 runs after request id -> auth -> rate limit. */
const api = new Hono<AppEnv>()
  .use(authenticate, rateLimit)
  .route('/', me)
  .route('/api-keys', apiKeysRoutes)
  .route('/albums', albumsRoutes)
  .route('/photos', photosRoutes)
  .route('/', tagsRoutes)
  .route('/', startListRoutes)
  .route('/', visionRoutes)
  .route('/', billingRoutes)
  .route('/', packsRoutes)
  .route('/payouts', payoutsRoutes);

export const app = new Hono<AppEnv>()
  .use(requestId, database)
  .use('/v1/*', (c, next) => corsForApp(c.env.APP_ORIGINS)(c, next))
  .route('/', open)
  .route('/v1', api)
  .notFound((c) => c.json(errorBody('NOT_FOUND', 'No such route', c.get('requestId')), 404))
  .onError(handleError);

export type AppType = typeof app;
