import { createMiddleware } from 'hono/factory';
import { loadConfig } from '../../config';
import type { AppEnv } from '../app-env';
import { AppError } from '../../errors';
import { API_KEY_PREFIX } from '../../../modules/accounts/api-key-token';
import { verifyUserToken } from '../../../modules/accounts/jwt';
import { actingMembership } from '../../../modules/accounts/accounts';
import { authenticateApiKey, touchApiKey } from '../../../modules/accounts/api-keys';
import { liveSession, touchSession } from '../../../modules/accounts/sessions';
import { ALL_SCOPES, type Principal } from '../../../modules/accounts/principal';

/** Picks the workspace a signed-in user acts in: `X-Workspace-Id` if given, else their first. */
const WORKSPACE_HEADER = 'X-Workspace-Id';

/**
 * Authenticates `Authorization: Bearer <jwt | api key>` and sets `principal`.
 * Keys are told apart from JWTs by their `vt_live_` prefix.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'Send "Authorization: Bearer <token or API key>"');
  const credential = match[1]!;
  const db = c.get('db');

  let principal: Principal;
  if (credential.startsWith(API_KEY_PREFIX)) {
    const key = await authenticateApiKey(db, credential);
    principal = { kind: 'api_key', apiKeyId: key.id, workspaceId: key.workspaceId, scopes: key.scopes as Principal['scopes'] };
    c.executionCtx.waitUntil(touchApiKey(db, key.id));
  } else {
    const verified = await verifyUserToken(credential, loadConfig(c.env).jwt);
    if (!verified) throw new AppError('INVALID_TOKEN', 'The session token is invalid or expired; sign in again');
    const { userId, sessionId } = verified;
    const wanted = c.req.header(WORKSPACE_HEADER);
    // One round trip: the session (ended by a sign-out or a password change?) and the membership.
    const [session, membership] = await Promise.all([
      liveSession(db, userId, sessionId),
      actingMembership(db, userId, wanted),
    ]);
    if (!session) throw new AppError('INVALID_TOKEN', 'This session has ended; sign in again');
    if (!membership) {
      throw wanted
        ? new AppError('FORBIDDEN', 'You are not a member of this workspace')
        : new AppError('FORBIDDEN', 'This account has no workspace');
    }
    const touched = touchSession(db, session);
    if (touched) c.executionCtx.waitUntil(touched);
    const { workspaceId, role, twoFactorMissing } = membership;
    principal = { kind: 'user', userId, sessionId, workspaceId, role, twoFactorMissing, scopes: ALL_SCOPES };
  }
  c.set('principal', principal);
  await next();
});
