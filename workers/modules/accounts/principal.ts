import type { MemberRole } from '../../shared/enums';
import { SCOPES, type Scope } from '../../shared/constants';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/audit';

/**
 * Who is calling: a signed-in user acting in one workspace, or an API key bound to one.
 * `twoFactorMissing`: the workspace's owner asks for two-factor and this person has none, so
 * only their own account (`access.self`) and `/v1/me` answer them.
 */
export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; workspaceId: string; role: MemberRole; twoFactorMissing: boolean; scopes: readonly Scope[] }
  | { kind: 'api_key'; apiKeyId: string; workspaceId: string; scopes: readonly Scope[] };

export const ALL_SCOPES: readonly Scope[] = SCOPES;

/**
 * The person behind a route declared `access.self`, `access.member` or above: the guard already let
 * only people through, so this narrows the type (and still refuses a key if a route is ever
 * declared wrongly).
 */
export function personOf(principal: Principal): Extract<Principal, { kind: 'user' }> {
  if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'This needs a signed-in person; API keys cannot do it');
  return principal;
}

/** The principal as the audited actor of a service call. */
export function actorOf(principal: Principal, requestId: string): Actor {
  return {
    workspaceId: principal.workspaceId,
    actorUserId: principal.kind === 'user' ? principal.userId : null,
    actorApiKeyId: principal.kind === 'api_key' ? principal.apiKeyId : null,
    requestId,
  };
}
