/**
 * What the accounts routes answer (sign-up, sign-in, /me, workspaces, API keys): the response
 * schemas of the OpenAPI document and the types the SPA reads (zod only, so web/ can import them).
 */
import { z } from 'zod';
import { MEMBER_ROLES, WORKSPACE_KINDS } from '../../shared/enums';
import { SCOPES } from '../../shared/constants';

const timestamp = z.string().meta({ description: 'ISO 8601', example: '2026-04-12T08:30:00.000Z' });

export const userView = z
  .object({
    id: z.string().meta({ example: 'usr_abcdefghijklmnopqrstuvwxyz' }),
    email: z.string().meta({ example: 'marie@example.com' }),
    name: z.string().meta({ example: 'Marie' }),
    emailVerified: z.boolean().meta({ description: 'Whether the address was confirmed from the emailed link: selling and buying credits wait for it' }),
    twoFactor: z.boolean().meta({ description: 'Whether signing in asks for a code from an authenticator app' }),
    createdAt: timestamp,
  })
  .meta({ id: 'User' });

export const workspaceView = z
  .object({
    id: z.string().meta({ example: 'wsp_abcdefghijklmnopqrstuvwxyz' }),
    name: z.string().meta({ example: 'Marie Photo' }),
    kind: z.enum(WORKSPACE_KINDS),
    createdAt: timestamp,
  })
  .meta({ id: 'Workspace' });

export const membershipView = workspaceView.extend({ role: z.enum(MEMBER_ROLES) }).meta({ id: 'Membership' });

const token = z.string().meta({ description: 'A session token: send it as `Authorization: Bearer <token>`' });

/** `POST /v1/auth/register`: the new account, its first workspace and a session. */
export const registeredView = z.object({ token, user: userView, workspace: workspaceView }).meta({ id: 'Registered' });
export const sessionView = z.object({ token }).meta({ id: 'Session' });

/** `POST /v1/auth/login` when two-factor is on: no session yet, a challenge for `POST /v1/auth/login/2fa`. */
export const twoFactorChallengeView = z
  .object({
    twoFactorRequired: z.literal(true),
    challenge: z.string().meta({ description: 'Send it with the code to POST /v1/auth/login/2fa; valid 5 minutes' }),
  })
  .meta({ id: 'TwoFactorChallenge' });
export const loginView = z.union([sessionView, twoFactorChallengeView]).meta({ id: 'Login' });

/** `POST /v1/account/2fa/setup`: the pending secret, for the QR code or typing in by hand. */
export const twoFactorSetupView = z
  .object({
    secret: z.string().meta({ description: 'Base32, for typing into the app by hand', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
    otpauthUri: z.string().meta({ example: 'otpauth://totp/Vitrine:marie@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Vitrine' }),
  })
  .meta({ id: 'TwoFactorSetup' });

/** Ten single-use recovery codes: the only answer that carries them. */
export const recoveryCodesView = z
  .object({ recoveryCodes: z.array(z.string()).meta({ description: 'Shown once; each works once instead of a code', example: ['k3m9q-7xw2p'] }) })
  .meta({ id: 'RecoveryCodes' });

/** `GET /v1/me` for an API key: the key and the workspace it is bound to. */
export const apiKeyCallerView = z
  .object({ apiKey: z.object({ id: z.string(), scopes: z.array(z.enum(SCOPES)) }), workspaceId: z.string() })
  .meta({ id: 'ApiKeyCaller' });

/** `GET /v1/me` for a person: who they are, the workspace they act in, and every workspace they belong to. */
export const userCallerView = z
  .object({
    user: userView,
    workspaceId: z.string(),
    workspaces: z.array(membershipView),
    twoFactorNeeded: z.boolean().meta({ description: "This workspace's owner asks for two-factor and you have none: only your account answers until you turn it on" }),
  })
  .meta({ id: 'UserCaller' });

export const meView = z.union([userCallerView, apiKeyCallerView]).meta({ id: 'Me' });

export const apiKeyView = z
  .object({
    id: z.string().meta({ example: 'key_abcdefghijklmnopqrstuvwxyz' }),
    name: z.string().meta({ example: 'Lightroom export' }),
    prefix: z.string().meta({ description: 'The first characters of the key, to tell keys apart', example: 'vt_live_a1b2' }),
    // The column is typed string[]: keys created before a scope was renamed may hold other names.
    scopes: z.array(z.string()).meta({ description: 'Scope names (see SCOPES)', example: ['albums:read', 'photos:write'] }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

/** A new key: the only answer that ever carries the full key. */
export const createdApiKeyView = apiKeyView
  .extend({ key: z.string().meta({ description: 'Shown once; store it now', example: 'vt_live_...' }) })
  .meta({ id: 'CreatedApiKey' });

/** `GET /v1/account/sessions`: one signed-in browser or client. */
export const openSessionView = z
  .object({
    id: z.string().meta({ example: 'ses_abcdefghijklmnopqrstuvwxyz' }),
    userAgent: z.string().nullable().meta({ description: 'The client that signed in, as it named itself' }),
    createdAt: timestamp,
    lastSeenAt: timestamp,
    expiresAt: timestamp,
    current: z.boolean().meta({ description: 'The session of this very request' }),
  })
  .meta({ id: 'OpenSession' });

export const messageView = z.object({ message: z.string() }).meta({ id: 'Message' });

export const emailVerifiedView = z
  .object({
    alreadyVerified: z.boolean().meta({ description: 'The address was confirmed before: nothing changed' }),
    creditsGranted: z.number().int().meta({ description: 'Starter credits added to the first workspace by this confirmation (once per account)', example: 50 }),
  })
  .meta({ id: 'EmailVerified' });

export type UserView = z.infer<typeof userView>;
export type WorkspaceView = z.infer<typeof workspaceView>;
export type MembershipView = z.infer<typeof membershipView>;
export type UserCallerView = z.infer<typeof userCallerView>;
export type RegisteredView = z.infer<typeof registeredView>;
export type SessionView = z.infer<typeof sessionView>;
export type LoginView = z.infer<typeof loginView>;
export type TwoFactorSetupView = z.infer<typeof twoFactorSetupView>;
export type RecoveryCodesView = z.infer<typeof recoveryCodesView>;
export type MeView = z.infer<typeof meView>;
export type ApiKeyView = z.infer<typeof apiKeyView>;
export type CreatedApiKeyView = z.infer<typeof createdApiKeyView>;
export type OpenSessionView = z.infer<typeof openSessionView>;
export type MessageView = z.infer<typeof messageView>;
export type EmailVerifiedView = z.infer<typeof emailVerifiedView>;
