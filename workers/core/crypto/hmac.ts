import { fromBase64Url, toBase64Url } from '../../shared/encoding';

const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keyCache.set(secret, key);
  }
  return key;
}

export async function hmacSign(secret: string, message: string): Promise<string> {
  const sig = await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(message));
  return toBase64Url(sig);
}

/** WebCrypto's verify compares in constant time. */
export async function hmacVerify(secret: string, message: string, signature: string): Promise<boolean> {
  const sig = fromBase64Url(signature);
  if (sig?.byteLength !== 32) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret), sig, new TextEncoder().encode(message));
}
