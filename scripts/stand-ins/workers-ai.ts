/**
 * A local stand-in for the Workers AI REST API (`POST /accounts/:account/ai/run/@cf/...`): the
 * Worker's listing writer points at it through WORKERS_AI_API_URL. It speaks the real wire
 * format (Bearer token, `{ messages }` in, `{ result: { response }, success, errors, messages }`
 * out) but runs no model: it reads the vehicle record back from the prompt's `<request>` block and
 * answers with the template engine's listing, wrapped in prose and a code fence the way a chat
 * model often does, so the Worker's answer parsing is exercised. Nothing leaves the machine.
 *
 * The image models of declutter and stage answer a PNG made from the input (workers-ai-images.ts).
 *
 * Test hooks: a base URL ending in `/_standin/malformed` answers success with prose and no JSON,
 * `/_standin/failing` a 500 envelope; for the image models, `/_standin/malformed` answers JSON
 * instead of a PNG, `/_standin/refusing` a 400 envelope and `/_standin/busy` a 429 with Retry-After; `GET /_standin/requests` lists the text models' bodies
 * received, `GET /_standin/image-requests` the image models' (model, prompt, seed).
 * `POST /_standin/failing` `{ "status"?: 500, "times"?: n, "match"?: "text" }` makes the next n
 * image-model calls (all of them without `times`) whose prompt contains `match` (any without it)
 * answer that status with an error envelope, whatever the base URL, until
 * `DELETE /_standin/failing`: how a browser test makes a staging fail from the screens (a style's
 * name in `match` fails that style only). A 4xx fails the transformation at once; a 500 is retried
 * by the queue (with backoff) before it is refunded.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { templateListing } from '../../workers/modules/vehicles/listing/template';
import { IMAGE_MODELS, imageAnswer, type ImageRequest, invalidImageRequest } from './workers-ai-images';

const RUN = /^(?:\/_standin\/(malformed|failing|refusing|busy))?\/accounts\/[^/]+\/ai\/run\/(@cf\/.+)$/;
const TEXT_MODELS = new Set(['@cf/meta/llama-3.1-8b-instruct']);

const envelope = (result: unknown, errors: { code: number; message: string }[] = []) => ({ result, success: errors.length === 0, errors, messages: [] });

/** The armed failure of `POST /_standin/failing`: its status, how many calls it has left, and which prompts. */
type Failing = { status: number; times: number; match: string };

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

/** `{ status?, times? }` of `POST /_standin/failing`, or null when it is not one. */
function arm(raw: string): Failing | null {
  let body: { status?: unknown; times?: unknown; match?: unknown };
  try {
    body = JSON.parse(raw || '{}');
  } catch {
    return null;
  }
  const status = body.status ?? 500;
  const times = body.times ?? Number.POSITIVE_INFINITY;
  const match = body.match ?? '';
  if (!(Number.isInteger(status) && (status as number) >= 400 && (status as number) <= 599) || !(typeof times === 'number' && times > 0) || typeof match !== 'string') return null;
  return { status: status as number, times, match };
}

/** The base-URL hooks for image models: the provider's failure envelopes. */
function imageHook(res: ServerResponse, hook: string) {
  if (hook === 'busy') {
    res.setHeader('Retry-After', '7');
    return json(res, 429, envelope(null, [{ code: 3036, message: 'Capacity temporarily exceeded, please try again later' }]));
  }
  if (hook === 'refusing') return json(res, 400, envelope(null, [{ code: 5006, message: "Value of '/prompt' was refused" }]));
  if (hook === 'malformed') return json(res, 200, envelope({}));
  return json(res, 500, envelope(null, [{ code: 3043, message: 'Internal server error' }]));
}

async function answerImage(res: ServerResponse, model: string, body: ImageRequest) {
  const kind = IMAGE_MODELS[model]!;
  const invalid = invalidImageRequest(kind, body);
  if (invalid) return json(res, 400, envelope(null, [{ code: 5006, message: invalid }]));
  try {
    const png = await imageAnswer(kind, body);
    res.writeHead(200, { 'Content-Type': 'image/png' });
    res.end(png);
  } catch (err) {
    json(res, 400, envelope(null, [{ code: 5006, message: `The input image could not be read: ${(err as Error).message}` }]));
  }
}

export async function startWorkersAiStandIn(options: { port: number; host?: string }) {
  const requests: unknown[] = [];
  const imageRequests: { model: string; prompt: unknown; seed: unknown }[] = [];
  let failing: Failing | null = null;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (req.method === 'GET' && url.pathname === '/_standin/requests') return json(res, 200, { requests });
      if (req.method === 'GET' && url.pathname === '/_standin/image-requests') return json(res, 200, { requests: imageRequests });
      if (url.pathname === '/_standin/failing' && (req.method === 'POST' || req.method === 'DELETE')) {
        failing = req.method === 'POST' ? arm(raw) : null;
        if (req.method === 'POST' && !failing) return json(res, 400, { error: 'expected JSON { status?: 400-599, times?: n > 0, match?: string }' });
        return json(res, 200, { failing });
      }
      const run = req.method === 'POST' ? RUN.exec(url.pathname) : null;
      if (!run) return json(res, 404, envelope(null, [{ code: 7000, message: 'No route for that URI' }]));
      if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) return json(res, 401, envelope(null, [{ code: 10000, message: 'Authentication error' }]));
      const [, hook, model] = run;
      if (!TEXT_MODELS.has(model!) && !IMAGE_MODELS[model!]) return json(res, 400, envelope(null, [{ code: 5007, message: `No such model ${model} or task` }]));
      let body: { messages?: { role: string; content: string }[] };
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        return json(res, 400, envelope(null, [{ code: 5006, message: 'Invalid JSON body' }]));
      }
      if (IMAGE_MODELS[model!]) {
        const image = body as ImageRequest;
        imageRequests.push({ model: model!, prompt: image.prompt, seed: image.seed });
        if (hook) return imageHook(res, hook);
        if (failing && String(image.prompt).includes(failing.match) && failing.times-- > 0) {
          return json(res, failing.status, envelope(null, [{ code: 3043, message: `Stand-in told to fail (${failing.status})` }]));
        }
        return void answerImage(res, model!, image);
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
