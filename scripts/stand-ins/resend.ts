/**
 * A local stand-in for the Resend API: the Worker's Resend SDK points at it through its
 * `baseUrl` option (RESEND_API_URL). `POST /emails` stores the message (honouring
 * `Idempotency-Key`, as Resend does, so a retried send is one email), `GET /emails/:id` and
 * `GET /emails` read them back. Nothing leaves the machine.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StoredEmail = { id: string; object: 'email'; from: string; to: string[]; subject: string; html?: string; text?: string; created_at: string; last_event: 'delivered' };

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startResendStandIn(options: { port: number; host?: string; /** Answer 500 to the first N sends (to exercise retries). */ failFirst?: number }) {
  const emails: StoredEmail[] = [];
  const byIdempotencyKey = new Map<string, string>();
  let failures = options.failFirst ?? 0;

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (!/^Bearer re_\S+$/.test(req.headers.authorization ?? '')) return json(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key in the authorization header' });
      if (req.method === 'POST' && url.pathname === '/emails') {
        if (failures > 0 && failures--) return json(res, 500, { statusCode: 500, name: 'internal_server_error', message: 'Simulated failure' });
        const body = JSON.parse(raw || '{}');
        if (!body.from || !body.to || !body.subject) return json(res, 422, { statusCode: 422, name: 'validation_error', message: 'from, to and subject are required' });
        const key = req.headers['idempotency-key'];
        const earlier = typeof key === 'string' ? byIdempotencyKey.get(key) : undefined;
        if (earlier) return json(res, 200, { id: earlier });
        const email: StoredEmail = { id: randomUUID(), object: 'email', from: body.from, to: [body.to].flat(), subject: body.subject, html: body.html, text: body.text, created_at: new Date().toISOString(), last_event: 'delivered' };
        emails.unshift(email);
        if (typeof key === 'string') byIdempotencyKey.set(key, email.id);
        return json(res, 200, { id: email.id });
      }
      if (req.method === 'GET' && url.pathname === '/emails') {
        const to = url.searchParams.get('to');
        return json(res, 200, { object: 'list', has_more: false, data: emails.filter((e) => !to || e.to.includes(to)) });
      }
      const found = req.method === 'GET' && emails.find((e) => url.pathname === `/emails/${e.id}`);
      if (found) return json(res, 200, found);
      json(res, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
    });
  });
  // Node closes idle keep-alive connections after 5 s, racing workerd's reuse of them ("Network
  // connection lost" in the Worker, as in workers-sdk#14848): keep them open instead.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    emails,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
