import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { errorBody, handleError } from '../errors';
import { authenticate } from './middleware/auth';
import { corsForApp } from './middleware/cors';
import { database } from './middleware/db';
import { rateLimit } from './middleware/rate-limit';
import { requestId } from './middleware/request-id';
import { albumsRoutes } from '../../modules/albums/albums-routes';
import { apiKeysRoutes } from '../../modules/accounts/api-keys-routes';
import { auth } from '../../modules/accounts/auth-routes';
import { billingRoutes } from '../../modules/billing/billing-routes';
import { devMail } from '../../modules/notifications/dev-mail-routes';
import { downloadsRoutes } from '../../modules/sales/downloads-routes';
import { packsRoutes } from '../../modules/sales/packs-routes';
import { payoutsRoutes } from '../../modules/sales/payouts-routes';
import { shopRoutes } from '../../modules/sales/shop-routes';
import { stripeWebhooks } from '../../modules/billing/stripe-webhook-routes';
import { docsRoutes } from './docs-routes';
import { health } from './health-routes';
import { me } from '../../modules/accounts/me-routes';
import { photosRoutes } from '../../modules/albums/photos-routes';
import { publicRoutes } from '../../modules/albums/gallery-routes';
import { seoRoutes } from '../../modules/albums/seo-routes';
import { signedUploads } from '../../modules/media/signed-upload-routes';
import { startListRoutes } from '../../modules/recognition/start-list-routes';
import { tagsRoutes } from '../../modules/recognition/tags-routes';
import { visionRoutes } from '../../modules/recognition/vision-routes';

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
  .route('/', docsRoutes)
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
