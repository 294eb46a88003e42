/** A small client of the public HTTP API for scripts (seed, benchmarks): the flows a user takes. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
// biome-ignore lint/suspicious/noExplicitAny: scripts and benches read whatever JSON a flow answers; the Worker's tests own its shapes
export type Call = { status: number; data: any };

/**
 * `wrangler dev` answers a request that was in flight while it reloaded the Worker with this 503
 * and retries only GET/HEAD itself; the calls scripts make here (uploads, completes) are
 * idempotent, so they are sent again. Production has no such reload.
 */
const DEV_RELOAD = 'Your worker restarted mid-request';

async function send(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, init);
    if (res.status !== 503 || attempt === attempts) return res;
    const text = await res.clone().text();
    if (!text.startsWith(DEV_RELOAD)) return res;
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

export async function api(origin: string, method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<Call> {
  const res = await send(`${origin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await res.text();
  try {
    return { status: res.status, data: text ? JSON.parse(text) : null };
  } catch {
    throw new Error(`${method} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
}

export function expectStatus(call: Call, status: number, what: string): Call {
  if (call.status !== status) throw new Error(`${what} failed (${call.status}): ${JSON.stringify(call.data)}`);
  return call;
}

type Put = { url: string; headers: Record<string, string> };
type Upload = Put & { photoId: string; multipart?: { parts: (Put & { partNumber: number; size: number })[]; partSize: number } };

async function putBytes(put: Put, bytes: Uint8Array): Promise<string> {
  const res = await send(put.url, { method: 'PUT', headers: put.headers, body: bytes });
  if (!res.ok) throw new Error(`PUT failed (${res.status}): ${await res.text()}`);
  return res.headers.get('ETag') ?? '';
}

/** Sends the bytes of one requested upload (single PUT or every multipart part), then completes it. */
export async function sendAndComplete(origin: string, token: string, upload: Upload, bytes: Uint8Array) {
  let parts: { partNumber: number; etag: string }[] | undefined;
  if (upload.multipart) {
    const { partSize } = upload.multipart;
    parts = [];
    for (const part of upload.multipart.parts) {
      const start = (part.partNumber - 1) * partSize;
      parts.push({ partNumber: part.partNumber, etag: await putBytes(part, bytes.subarray(start, start + part.size)) });
    }
  } else {
    await putBytes(upload, bytes);
  }
  return expectStatus(await api(origin, 'POST', `/v1/photos/${upload.photoId}/complete`, { token, json: parts ? { parts } : {} }), 200, 'complete');
}

/**
 * The newest confirmation link emailed to `email`, read from the dev mailbox (a local stack's
 * `DEV_MAILBOX=on`; `mailboxKey` when it asks for DEV_MAILBOX_SECRET).
 */
export async function confirmationLink(origin: string, email: string, mailboxKey = ''): Promise<URL> {
  const key = mailboxKey ? `&key=${encodeURIComponent(mailboxKey)}` : '';
  const { emails } = expectStatus(await api(origin, 'GET', `/dev/mail?format=json${key}`), 200, 'dev mailbox (DEV_MAILBOX=on)').data;
  const link = (emails as { to: string; text: string }[]).flatMap((e) => (e.to === email ? (/https?:\/\/\S+\/verify-email\?token=[\w.-]+/.exec(e.text) ?? []) : []))[0];
  if (!link) throw new Error(`no confirmation link was emailed to ${email}`);
  return new URL(link);
}

/** Confirms an address with the link sign-up emailed: what a user does from the email. */
export async function confirmEmail(origin: string, email: string, mailboxKey = '') {
  const token = (await confirmationLink(origin, email, mailboxKey)).searchParams.get('token');
  return expectStatus(await api(origin, 'POST', '/v1/auth/verify-email', { json: { token } }), 200, 'email confirmation').data;
}

/** Registers (and confirms the address, so the account holds its starter credits and can sell), or signs in when the account exists. */
export async function signIn(origin: string, account: Account, mailboxKey = '') {
  const login = await api(origin, 'POST', '/v1/auth/login', { json: { email: account.email, password: account.password } });
  if (login.status === 200 && login.data.twoFactorRequired) throw new Error(`${account.email} has two-factor authentication on: the scripts sign in with a password only`);
  if (login.status === 200) return login.data.token as string;
  const registered = expectStatus(await api(origin, 'POST', '/v1/auth/register', { json: account }), 201, 'sign-up');
  await confirmEmail(origin, account.email, mailboxKey);
  return registered.data.token as string;
}

/** Uploads JPEG files (named as on disk) into an album, one after the other; returns the photo ids in order. */
export async function uploadFiles(origin: string, token: string, albumId: string, paths: string[]): Promise<string[]> {
  const files = paths.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const json = { files: files.map((f) => ({ name: f.name, size: f.bytes.byteLength, type: 'image/jpeg' })) };
  const { uploads } = expectStatus(await api(origin, 'POST', `/v1/albums/${albumId}/uploads`, { token, json }), 201, 'uploads').data;
  for (const [i, upload] of uploads.entries()) await sendAndComplete(origin, token, upload, files[i]!.bytes);
  return uploads.map((u: Upload) => u.photoId);
}

/** A demo account and its workspace, as `signIn` takes it. */
export type Account = { email: string; password: string; name: string; workspace: { name: string; kind: string } };

/** The album of that slug in the account's workspace, made on the first run. */
export async function albumOf(origin: string, token: string, body: { title: string; slug: string; visibility: string }) {
  const albums = await api(origin, 'GET', '/v1/albums', { token });
  const found = albums.data.albums.find((a: { slug: string }) => a.slug === body.slug);
  return found ?? expectStatus(await api(origin, 'POST', '/v1/albums', { token, json: body }), 201, `demo album ${body.slug}`).data.album;
}
