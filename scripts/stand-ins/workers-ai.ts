/**
 * A local stand-in for the Workers AI REST API (`POST /accounts/:account/ai/run/@cf/...`): the
 * Worker's listing writer points at it through WORKERS_AI_API_URL. It speaks the real wire
 * format (Bearer token, `{ messages }` in, `{ result: { response }, success, errors, messages }`
 * out) but runs no model: it reads the vehicle record back from the prompt's `<request>` block and
 * answers with the template engine's listing, wrapped in prose and a code fence the way a chat
 * model often does, so the Worker's answer parsing is exercised. Nothing leaves the machine.
 *
 * Test hooks: a base URL ending in `/_standin/malformed` answers success with prose and no JSON,
 * `/_standin/failing` a 500 envelope; `GET /_standin/requests` lists the bodies received.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { templateListing } from '../../workers/modules/vehicles/listing/template';

const RUN = /^(?:\/_standin\/(malformed|failing))?\/accounts\/[^/]+\/ai\/run\/(@cf\/.+)$/;
const TEXT_MODELS = new Set(['@cf/meta/llama-3.1-8b-instruct']);

const envelope = (result: unknown, errors: { code: number; message: string }[] = []) => ({ result, success: errors.length === 0, errors, messages: [] });

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The answer a model would give: the listing as JSON, inside a sentence and a fence. */
function answer(body: { messages?: { role: string; content: string }[] }): string {
  const prompt = body.messages?.findLast((m) => m.role === 'user')?.content ?? '';
  const request = /<request>([\s\S]*)<\/request>/.exec(prompt);
  if (!request) return "I'm sorry, I need the vehicle's details to write an ad.";
  const { lang, tone, vehicle } = JSON.parse(request[1]!);
  return `Here is your listing:\n\`\`\`json\n${JSON.stringify(templateListing(vehicle, lang, tone))}\n\`\`\``;
}

export async function startWorkersAiStandIn(options: { port: number; host?: string }) {
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (req.method === 'GET' && url.pathname === '/_standin/requests') return json(res, 200, { requests });
      const run = req.method === 'POST' ? RUN.exec(url.pathname) : null;
      if (!run) return json(res, 404, envelope(null, [{ code: 7000, message: 'No route for that URI' }]));
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return json(res, 401, envelope(null, [{ code: 10000, message: 'Authentication error' }]));
      const [, hook, model] = run;
      if (!TEXT_MODELS.has(model!)) return json(res, 400, envelope(null, [{ code: 5007, message: `No such model ${model} or task` }]));
      let body: { messages?: { role: string; content: string }[] };
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        return json(res, 400, envelope(null, [{ code: 5006, message: 'Invalid JSON body' }]));
      }
      if (!Array.isArray(body.messages)) return json(res, 400, envelope(null, [{ code: 5006, message: "Type mismatch of '/messages', 'array' not in 'object'" }]));
      requests.push(body);
      if (hook === 'failing') return json(res, 500, envelope(null, [{ code: 3043, message: 'Internal server error' }]));
      const response = hook === 'malformed' ? 'Sure! Here is a great ad for this car.' : answer(body);
      json(res, 200, envelope({ response, usage: { prompt_tokens: raw.length / 4, completion_tokens: response.length / 4 } }));
    });
  });
  // As in the Resend stand-in: no idle keep-alive timeout racing workerd's connection reuse.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
