import { errorBody } from '../errors';
import { corsForApp } from './middleware/cors';
import { database } from './middleware/db';
import { docsRoutes } from './docs-routes';
import { requestId } from './middleware/request-id';
import { handleError } from './on-error';
import { serveOpenApi } from './openapi';
import { router } from './route';
import { albumsRoutes } from '../../modules/albums/albums-routes';
import { apiKeysRoutes } from '../../modules/accounts/api-keys-routes';
import { verificationEmailRoutes, verifyEmailRoutes } from '../../modules/accounts/verification-routes';
import { auditRoutes } from '../../modules/accounts/audit-routes';
import { membersRoutes } from '../../modules/accounts/members-routes';
import { accountRoutes } from '../../modules/accounts/account-routes';
import { twoFactorRoutes } from '../../modules/accounts/two-factor-routes';
import { auth } from '../../modules/accounts/auth-routes';
import { billingRoutes } from '../../modules/billing/billing-routes';
import { devMail } from '../../modules/notifications/dev-mail-routes';
import { downloadsRoutes } from '../../modules/sales/downloads-routes';
import { packsRoutes } from '../../modules/sales/packs-routes';
import { payoutsRoutes } from '../../modules/sales/payouts-routes';
import { shopRoutes } from '../../modules/sales/shop-routes';
import { stripeWebhooks } from '../../modules/billing/stripe-webhook-routes';
import { health } from './health-routes';
import { me } from '../../modules/accounts/me-routes';
import { photosRoutes } from '../../modules/albums/photos-routes';
import { publicRoutes } from '../../modules/albums/gallery-routes';
import { seoRoutes } from '../../modules/albums/seo-routes';
import { signedUploads } from '../../modules/media/signed-upload-routes';
import { startListRoutes } from '../../modules/recognition/start-list-routes';
import { tagsRoutes } from '../../modules/recognition/tags-routes';
import { visionRoutes } from '../../modules/recognition/vision-routes';
import { backdropsRoutes } from '../../modules/vehicles/studio/backdrops-routes';
import { vehiclesRoutes } from '../../modules/vehicles/vehicles-routes';
import { studioRoutes } from '../../modules/vehicles/studio/studio-routes';
import { listingRoutes } from '../../modules/vehicles/listing/listing-routes';
import { leadsRoutes } from '../../modules/vehicles/leads-routes';
import { publicVehiclesRoutes } from '../../modules/vehicles/public-routes';
import { propertiesRoutes } from '../../modules/realestate/properties-routes';
import { shownRoutes } from '../../modules/realestate/shown-routes';
import { transformationsRoutes } from '../../modules/realestate/transformations-routes';
import { accountPrivacyRoutes, exportDownloadRoutes, workspacePrivacyRoutes } from '../../modules/privacy/privacy-routes';

/**
 * Every module's router under the prefix that names it. Each route declares its access
 * (core/http/route.ts), so there is no blanket authentication here: request id and the db
 * client for all, CORS for the API, then each route's own guard.
 */
const base = router();

export const app = base
  .use(requestId, database)
  .use('/v1/*', corsForApp)
  .route('/health', health)
  .route('/', docsRoutes)
  .route('/v1/auth', auth)
  .route('/v1/auth', verifyEmailRoutes)
  .route('/v1/uploads', signedUploads)
  .route('/v1/public', publicRoutes)
  .route('/v1/public', shopRoutes)
  .route('/v1/webhooks', stripeWebhooks)
  .route('/v1/downloads', downloadsRoutes)
  .route('/v1/albums', albumsRoutes)
  .route('/v1', me)
  .route('/v1/account', accountRoutes)
  .route('/v1/account', verificationEmailRoutes)
  .route('/v1/account', accountPrivacyRoutes)
  .route('/v1/workspace', workspacePrivacyRoutes)
  .route('/v1/exports', exportDownloadRoutes)
  .route('/v1', membersRoutes)
  .route('/v1', auditRoutes)
  .route('/v1/account/2fa', twoFactorRoutes)
  .route('/v1/api-keys', apiKeysRoutes)
  .route('/v1/photos', photosRoutes)
  .route('/v1', tagsRoutes)
  .route('/v1', startListRoutes)
  .route('/v1', visionRoutes)
  .route('/v1', packsRoutes)
  .route('/v1/payouts', payoutsRoutes)
  .route('/v1', billingRoutes)
  .route('/v1', vehiclesRoutes)
  .route('/v1/backdrops', backdropsRoutes)
  .route('/v1', studioRoutes)
  .route('/v1', listingRoutes)
  .route('/v1/public', publicVehiclesRoutes)
  .route('/v1', leadsRoutes)
  .route('/v1', propertiesRoutes)
  .route('/v1', transformationsRoutes)
  .route('/v1', shownRoutes)
  .route('/dev/mail', devMail)
  .route('/', seoRoutes)
  .notFound((c) => c.json(errorBody('NOT_FOUND', 'No such route', c.get('requestId')), 404))
  .onError(handleError);

// Last, so /openapi.json runs behind the same request id and db middleware as every route.
serveOpenApi(base);
