/**
 * Secrets kept in D1 that must not be readable from a dump of it alone (TOTP seeds): AES-GCM
 * with a key derived by HKDF from a Worker secret, the row's owner bound in as associated data
 * so a ciphertext copied onto another user's row does not open. Format: `v1.<iv>.<ciphertext>`.
 */
import { fromBase64Url, toBase64Url } from '../../shared/encoding';

const encoder = new TextEncoder();

async function keyFor(masterSecret: string, purpose: string): Promise<CryptoKey> {
  const master = await crypto.subtle.importKey('raw', encoder.encode(masterSecret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(`vitrine:${purpose}`) },
    master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `plain` for `owner` under the key of `purpose`. */
export async function seal(masterSecret: string, purpose: string, owner: string, plain: Uint8Array<ArrayBuffer>): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await keyFor(masterSecret, purpose);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(owner) }, key, plain);
  return `v1.${toBase64Url(iv)}.${toBase64Url(sealed)}`;
}

/** The plain bytes, or null when the box is malformed, another owner's, or sealed under another key. */
export async function open(masterSecret: string, purpose: string, owner: string, box: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const [version, iv, sealed] = box.split('.');
  const ivBytes = iv ? fromBase64Url(iv) : null;
  const sealedBytes = sealed ? fromBase64Url(sealed) : null;
  if (version !== 'v1' || !ivBytes || !sealedBytes) return null;
  try {
    const key = await keyFor(masterSecret, purpose);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivBytes, additionalData: encoder.encode(owner) }, key, sealedBytes));
  } catch {
    return null;
  }
}
