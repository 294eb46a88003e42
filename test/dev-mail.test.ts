import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../workers/core/config';
import { call, testEnv } from './helpers/api';
import { signUp } from './helpers/factories';

const SECRET = 'dev-mailbox-secret-for-tests';
/** What `HOST=0.0.0.0 npm start` runs with: the mailbox is on and asks for its key. */
const onTheNetwork = { ...testEnv, DEV_MAILBOX_SECRET: SECRET } as Env;

describe('the dev mailbox beyond loopback', () => {
  it('asks for its key: without it (or with a wrong one) nothing is listed, not even one email', async () => {
    const { email } = await signUp('events');
    const listed = (await call('GET', '/dev/mail?format=json', { env: testEnv })).data.emails.find((m: { to: string }) => m.to === email);
    for (const path of ['/dev/mail', '/dev/mail?format=json', `/dev/mail/${listed.id}`, '/dev/mail?format=json&key=guess-guess-guess-guess']) {
      const res = await call('GET', path, { env: onTheNetwork });
      expect(res.status, path).toBe(401);
      expect(res.data.error.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(res.data)).not.toContain(email);
    }
  });

  it('with the key: the list, the page whose links carry the key, and each email', async () => {
    const { email } = await signUp('events');
    const key = `key=${SECRET}`;
    const list = await call('GET', `/dev/mail?format=json&${key}`, { env: onTheNetwork });
    const mail = list.data.emails.find((m: { to: string }) => m.to === email);
    expect(mail).toMatchObject({ template: 'welcome' });
    const page = await call('GET', `/dev/mail?${key}`, { env: onTheNetwork });
    expect(page.data).toContain(`href="/dev/mail/${mail.id}?${key}"`);
    expect((await call('GET', `/dev/mail/${mail.id}?${key}`, { env: onTheNetwork })).status).toBe(200);
  });

  it('a mailbox secret too short to be one is refused as a configuration error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const env = { ...testEnv, DEV_MAILBOX_SECRET: 'short' } as Env;
    expect(() => loadConfig(env)).toThrow(ConfigError);
    vi.restoreAllMocks();
  });
});
