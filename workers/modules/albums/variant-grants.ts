import { hmacSign, hmacVerify } from '../../core/crypto/hmac';

/**
 * Owners see the variants of their private albums through a grant appended to variant URLs:
 * the album id and an expiry, signed with HMAC. One signature per response (not per photo), and
 * an hour-aligned expiry (1–2 h ahead) so the same image keeps the same URL for the browser cache.
 */
const HOUR = 3600;
const message = (albumId: string, expires: number) => `variant-grant:${albumId}:${expires}`;

export async function variantGrant(secret: string, albumId: string, now = Date.now()): Promise<string> {
  const expires = (Math.floor(now / 1000 / HOUR) + 2) * HOUR;
  return `${albumId}.${expires}.${await hmacSign(secret, message(albumId, expires))}`;
}

/** The album a grant opens, or null when it is forged, malformed or expired. */
export async function albumOfGrant(secret: string, grant: string, now = Date.now()): Promise<{ albumId: string; expires: number } | null> {
  const [albumId, expiresText, signature] = grant.split('.');
  const expires = Number(expiresText);
  if (!albumId || !signature || !Number.isInteger(expires) || expires * 1000 <= now) return null;
  return (await hmacVerify(secret, message(albumId, expires), signature)) ? { albumId, expires } : null;
}
