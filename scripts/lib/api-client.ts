/** A small client of the public HTTP API for scripts (seed, benchmarks): the flows a user takes. */
// biome-ignore lint/suspicious/noExplicitAny: scripts and benches read whatever JSON a flow answers; the Worker's tests own its shapes
export type Call = { status: number; data: any };

export async function api(origin: string, method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<Call> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
  });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : null };
}

export function expectStatus(call: Call, status: number, what: string): Call {
  if (call.status !== status) throw new Error(`${what} failed (${call.status}): ${JSON.stringify(call.data)}`);
  return call;
}

type Put = { url: string; headers: Record<string, string> };
type Upload = Put & { photoId: string; multipart?: { parts: (Put & { partNumber: number; size: number })[]; partSize: number } };

async function putBytes(put: Put, bytes: Uint8Array): Promise<string> {
  const res = await fetch(put.url, { method: 'PUT', headers: put.headers, body: bytes });
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

/** Registers, or signs in when the account exists. */
export async function signIn(origin: string, account: { email: string; password: string; name: string; workspace: { name: string; kind: string } }) {
  const login = await api(origin, 'POST', '/v1/auth/login', { json: { email: account.email, password: account.password } });
  if (login.status === 200) return login.data.token as string;
  const registered = expectStatus(await api(origin, 'POST', '/v1/auth/register', { json: account }), 201, 'sign-up');
  return registered.data.token as string;
}
