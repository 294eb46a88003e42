/** Setting up a browser test's data through the stack's API, and waiting for the work it starts. */
import assert from 'node:assert/strict';

/** One API call to the stack at `origin()` as `token`'s holder (or anonymously); a non-2xx fails the test. */
export const stackApi =
  (origin: () => string) =>
  // biome-ignore lint/suspicious/noExplicitAny: loosely-typed JSON, as in test/helpers/api.ts
  async (method: string, path: string, token?: string, json?: unknown): Promise<any> => {
    const res = await fetch(new URL(path, origin()), {
      method,
      headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(json !== undefined && { 'Content-Type': 'application/json' }) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const data = await res.json().catch(() => null);
    assert.ok(res.ok, `${method} ${path} answered ${res.status}: ${JSON.stringify(data)}`);
    return data;
  };

/** Polls `look` every 500 ms until it finds something; fails the test after `timeout`. */
export async function until<T>(what: string, look: () => Promise<T | undefined | false>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await look();
    if (found) return found;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The newest email of a template sent to an address, from the stack's dev mailbox (waits for it). */
export const emailTo = (origin: string, to: string, template: string) =>
  until(`the ${template} email to ${to}`, async () => {
    const { emails } = (await (await fetch(new URL('/dev/mail?format=json', origin))).json()) as { emails: { to: string; template: string; text: string }[] };
    return emails.find((m) => m.to === to && m.template === template);
  }, 20_000);
