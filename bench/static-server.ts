/**
 * The static baseline of `bench:gallery`: node's http serving, from memory, the very bytes and
 * headers captured from the Worker. Run as its own process so it does not share the load
 * generator's event loop. Argv: the manifest file; prints `ready <port>` once listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export type StaticRoute = { path: string; bodyFile: string; headers: Record<string, string> };

const routes: StaticRoute[] = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const bodies = new Map(routes.map((r) => [r.path, { body: readFileSync(r.bodyFile), headers: r.headers }]));

const server = createServer((req, res) => {
  const route = bodies.get(req.url ?? '');
  if (!route) {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"NOT_FOUND","message":"not captured"}}');
    return;
  }
  res.writeHead(200, { ...route.headers, 'Content-Length': String(route.body.byteLength) }).end(route.body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`ready ${typeof address === 'object' && address ? address.port : 0}`);
});
