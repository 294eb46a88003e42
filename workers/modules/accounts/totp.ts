/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s steps), as every
 * authenticator app computes them, on WebCrypto alone. Pure: no db, no Workers APIs, so tests
 * and the browser test can compute the codes the server expects.
 */
export { base32Decode, base32Encode } from '../../shared/base32';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** RFC 4226 HOTP of `counter`, `digits` long (zero-padded). */
export async function hotp(secret: Uint8Array<ArrayBuffer>, counter: number, digits = TOTP_DIGITS): Promise<string> {
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step a moment falls in. */
export const totpStep = (atMs = Date.now()) => Math.floor(atMs / 1000 / TOTP_STEP_SECONDS);

/** The code of a step (the current one by default). */
export const totp = (secret: Uint8Array<ArrayBuffer>, step = totpStep(), digits = TOTP_DIGITS) => hotp(secret, step, digits);

/** Constant-time equality of two codes (plain JS: this module runs in Node tests too, without Workers' timingSafeEqual). */
function sameDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The step whose code `code` is, among the current step and one on each side (a phone's clock
 * a little off, a code typed as it turned), or null. Comparisons are on equal-length digit
 * strings, and every candidate is computed, so timing says nothing about which one matched.
 */
export async function matchingStep(secret: Uint8Array<ArrayBuffer>, code: string, now = Date.now()): Promise<number | null> {
  const current = totpStep(now);
  const steps = [current - 1, current, current + 1];
  const codes = await Promise.all(steps.map((s) => totp(secret, s)));
  let found: number | null = null;
  codes.forEach((candidate, i) => {
    if (sameDigits(candidate, code)) found = steps[i]!;
  });
  return found;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(email: string, secretBase32: string, issuer = 'Vitrine'): string {
  // SHA-1, 6 digits and 30 s are every app's defaults, so the URI leaves them out (some apps misread them).
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(email).replace(/%40/g, '@')}`;
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}`;
}
