import { BASE62, crc32, randomBase62 } from './checksum';

/**
 * API keys look like `vt_live_<30 random base62><6 base62 checksum>` (GitHub's token scheme):
 * the prefix makes leaked keys recognisable to secret scanners, and the CRC32 checksum lets us
 * reject typos and garbage without touching the database.
 */
export const API_KEY_PREFIX = 'vt_live_';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;

function checksumOf(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function generateApiKey(): string {
  const body = randomBase62(RANDOM_LENGTH);
  return `${API_KEY_PREFIX}${body}${checksumOf(body)}`;
}

export function isWellFormedApiKey(key: string): boolean {
  if (!key.startsWith(API_KEY_PREFIX)) return false;
  const rest = key.slice(API_KEY_PREFIX.length);
  if (rest.length !== RANDOM_LENGTH + CHECKSUM_LENGTH || !/^[0-9A-Za-z]+$/.test(rest)) return false;
  return checksumOf(rest.slice(0, RANDOM_LENGTH)) === rest.slice(RANDOM_LENGTH);
}

/** What lists show: enough to tell keys apart, far too little to use. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
