import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Scope } from '../../../shared/constants';
import { AppError } from '../../errors';
import type { MemberRole } from '../../../shared/enums';
import { holds, ROLES } from '../../../shared/roles';
import type { AppEnv } from '../app-env';
import { authenticate } from './auth';
import { rateLimit } from './rate-limit';

/**
 * What a route needs from its caller, declared with the route (see `defineRoute`) and enforced
 * here only: handlers never check scopes or roles themselves.
 * - `public`: no credentials (the gallery, sign-in, signed URLs whose signature is the credential)
 * - `caller`: any signed-in user or API key of the workspace (only `/v1/me`: who is calling)
 * - `self`: a signed-in person on their own account (password, sessions, two-factor, their data),
 *   whatever the workspace's rules: so someone its two-factor rule shuts out can turn it on
 * - `scope`: a signed-in user (who holds every scope), or an API key holding that scope
 * - `user`: people only, never API keys, holding at least `role` in the workspace (ROLES says what each may do)
 * `scope` and `user` routes also refuse a person the workspace's two-factor rule shuts out.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'caller' }
  | { kind: 'self' }
  | { kind: 'scope'; scope: Scope }
  | { kind: 'user'; role: MemberRole };

export const access = {
  public: { kind: 'public' },
  caller: { kind: 'caller' },
  self: { kind: 'self' },
  scope: (scope: Scope): Access => ({ kind: 'scope', scope }),
  member: { kind: 'user', role: 'member' },
  admin: { kind: 'user', role: 'admin' },
  owner: { kind: 'user', role: 'owner' },
} as const satisfies Record<string, Access | ((scope: Scope) => Access)>;

/** The one place a scope is required of an API key. */
function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get('principal').scopes.includes(scope)) throw new AppError('INSUFFICIENT_SCOPE', `This key lacks the "${scope}" scope`);
    await next();
  });
}

/** The workspace's owner asks for two-factor: a person without it reaches only their own account. */
const requireWorkspaceTwoFactor = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get('principal');
  if (principal.kind === 'user' && principal.twoFactorMissing) {
    throw new AppError('TWO_FACTOR_REQUIRED', 'This workspace asks every member to use two-factor authentication: turn it on in your account settings');
  }
  await next();
});

function requireUser(least: MemberRole): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (principal.kind !== 'user') throw new AppError('FORBIDDEN', 'This needs a signed-in person; API keys cannot do it');
    if (!holds(principal.role, least)) throw new AppError('FORBIDDEN', ROLES[least].refusal);
    await next();
  });
}

const declared = new WeakMap<MiddlewareHandler<AppEnv>, Access>();

/** The access a route was declared with, found from the app's own route table (the route matrix test). */
export const accessOf = (handler: unknown): Access | undefined => declared.get(handler as MiddlewareHandler<AppEnv>);

function checks(access: Access): MiddlewareHandler<AppEnv>[] {
  switch (access.kind) {
    case 'public':
      return [];
    case 'caller':
      return [authenticate, rateLimit];
    case 'self':
      return [authenticate, rateLimit, requireUser('member')];
    case 'scope':
      return [authenticate, rateLimit, requireWorkspaceTwoFactor, requireScope(access.scope)];
    case 'user':
      return [authenticate, rateLimit, requireWorkspaceTwoFactor, requireUser(access.role)];
  }
}

/**
 * The middleware a declared access expands to (request id and db come first, app-wide): auth ->
 * rate limit -> the check. The first one also marks the route as declared, with its access.
 */
export function guard(access: Access): MiddlewareHandler<AppEnv>[] {
  const marker: MiddlewareHandler<AppEnv> = async (_c, next) => next();
  declared.set(marker, access);
  return [marker, ...checks(access)];
}

/** How the OpenAPI document states an access (`x-access`), and what the route matrix test reads. */
export function describeAccess(declared: Access): string {
  switch (declared.kind) {
    case 'public':
    case 'caller':
    case 'self':
      return declared.kind;
    case 'scope':
      return `scope:${declared.scope}`;
    case 'user':
      return declared.role === 'member' ? 'user' : `user:${declared.role}`;
  }
}
