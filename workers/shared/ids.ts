const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Lower-case base32 of random bytes: URL-safe, case-insensitive, no look-alike digits 0/1. */
export function randomBase32(byteLength: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteLength));
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export type IdPrefix = 'usr' | 'wsp' | 'key' | 'alb' | 'pho' | 'aud' | 'tag' | 'tch' | 'cre' | 'pck' | 'ord' | 'itm' | 'eml' | 'led' | 'stu' | 'trf' | 'tbt' | 'ses' | 'inv';

/** A new unguessable id (128 random bits) that says what it names, e.g. `alb_x3k...`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase32(16)}`;
}
