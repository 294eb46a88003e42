import { expect } from 'vitest';
import { base32Decode, totp, totpStep } from '../../workers/modules/accounts/totp';
import { call } from './api';
import { signUp } from './factories';

/** The code an authenticator app shows for `secret`, `offset` steps from now. */
export const codeFor = (secret: string, offset = 0) => totp(base32Decode(secret)!, totpStep() + offset);

/** A signed-up user who turned two-factor on (with the current step's code: the next sign-in needs a later one). */
export async function withTwoFactor() {
  const user = await signUp();
  const setup = await call('POST', '/v1/account/2fa/setup', { token: user.token });
  expect(setup.status).toBe(200);
  const secret = setup.data.secret as string;
  const enabled = await call('POST', '/v1/account/2fa/enable', { token: user.token, json: { code: await codeFor(secret) } });
  expect(enabled.status).toBe(200);
  return { ...user, secret, recovery: enabled.data.recoveryCodes as string[] };
}
