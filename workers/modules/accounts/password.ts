import { fromBase64Url, safeEqual, toBase64Url } from '../../shared/encoding';

/**
 * PBKDF2-SHA256 through WebCrypto. 100k iterations is the most the Workers runtime allows for
 * PBKDF2 (higher counts throw NotSupportedError), and OWASP's floor for SHA-256 is 600k — the
 * stored format carries the count so it can be raised when the platform lifts the cap.
 * Format: `pbkdf2-sha256$<iterations>$<salt b64url>$<hash b64url>`.
 */
const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, ITERATIONS);
  return `pbkdf2-sha256$${ITERATIONS}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  const saltBytes = salt ? fromBase64Url(salt) : null;
  if (scheme !== 'pbkdf2-sha256' || !saltBytes || !hash) return false;
  const candidate = await derive(password, saltBytes, Number(iterations));
  return safeEqual(toBase64Url(candidate), hash);
}

/** A hash of a random password: verifying against it costs the same as a real user's. */
export const DUMMY_PASSWORD_HASH =
  'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
