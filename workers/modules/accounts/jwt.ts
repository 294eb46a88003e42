import { SignJWT, jwtVerify } from 'jose';

export type JwtConfig = { secret: string; issuer: string; audience: string };

const ALGORITHM = 'HS256';
const TOKEN_TTL = '12h';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** A session token for a user: HS256, with `iss`, `aud`, `iat` and `exp`. */
export async function signUserToken(userId: string, config: JwtConfig): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(TOKEN_TTL)
    .sign(keyOf(config.secret));
}

/** The user id in a valid token, or null. The algorithm is pinned so `alg: none` or RS/HS confusion cannot pass. */
export async function verifyUserToken(token: string, config: JwtConfig): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(config.secret), {
      algorithms: [ALGORITHM],
      issuer: config.issuer,
      audience: config.audience,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    return payload.sub ?? null;
  } catch {
    return null;
  }
}
