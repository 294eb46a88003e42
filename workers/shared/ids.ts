import { base32Encode } from './base32';

/** Lower-case base32 of random bytes: URL-safe, case-insensitive, no look-alike digits 0/1. */
export function randomBase32(byteLength: number): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(byteLength))).toLowerCase();
}

export type IdPrefix = 'usr' | 'wsp' | 'key' | 'alb' | 'pho' | 'aud' | 'tag' | 'tch' | 'cre' | 'pck' | 'ord' | 'itm' | 'eml' | 'led' | 'stu' | 'trf' | 'tbt' | 'ses' | 'inv' | 'tfa' | 'exp';

/** A new unguessable id (128 random bits) that says what it names, e.g. `alb_x3k...`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase32(16)}`;
}
