import { SignJWT, jwtVerify } from 'jose';

export type JwtConfig = { secret: string; issuer: string; audience: string };

const ALGORITHM = 'HS256';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A session token: HS256, with `iss`, `aud`, `iat`, `exp` (the session's end) and the session id in `sid`. */
export async function signUserToken(userId: string, sessionId: string, expiresAt: Date, config: JwtConfig): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(config.secret));
}

/**
 * Who a valid token names (user and session), or null. The algorithm is pinned so `alg: none` or
 * RS/HS confusion cannot pass; a token without a session (issued before sessions existed) is refused.
 */
export async function verifyUserToken(token: string, config: JwtConfig): Promise<{ userId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(config.secret), {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
    });
    return payload.sub && typeof payload.sid === 'string' ? { userId: payload.sub, sessionId: payload.sid } : null;
  } catch {
    return null;
  }
}

const CHALLENGE_TTL_SECONDS = 5 * 60;
/** A challenge is for another audience than sessions, so it can never pass as a session token. */
const challengeAudience = (config: JwtConfig) => `${config.audience}:two-factor`;

/** Proof that `userId` gave the right password a moment ago: what the second step of sign-in takes, for 5 minutes. */
export async function signTwoFactorChallenge(userId: string, config: JwtConfig): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(config.issuer)
    .setAudience(challengeAudience(config))
    .setIssuedAt()
    .setExpirationTime(`${CHALLENGE_TTL_SECONDS}s`)
    .sign(keyOf(config.secret));
}

/** The user a valid, unexpired challenge names, or null. */
export async function verifyTwoFactorChallenge(token: string, config: JwtConfig): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(config.secret), {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: challengeAudience(config),
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
