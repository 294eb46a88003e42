/**
 * Workers AI's image models through Cloudflare's REST API (`POST {base}/accounts/{account}/ai/run/{model}`,
 * `Authorization: Bearer`): JSON in, a binary `image/png` out, the JSON envelope
 * `{ success: false, errors: [{ code, message }] }` on failure. The REST API rather than an `[ai]`
 * binding so that locally the same code reaches the stand-in (scripts/stand-ins/workers-ai.ts).
 *
 * Failures follow the jobs' rule (core/jobs/job.ts): a busy or rate-limited model (429, 503) is
 * retried after its Retry-After; a refused input (other 4xx) fails the transformation at once;
 * anything else (5xx, unreachable, timeout) is retried with backoff, then dead-lettered.
 */
import { PermanentJobError, RetryLaterError } from '../../../core/jobs/job';

export type WorkersAiConfig = { apiUrl: string; accountId: string; token: string };

/** A diffusion run of 20 steps at 1024 px takes ~10-20 s; past this it is treated as an outage. */
const TIMEOUT_MS = 60_000;
/** Retry-After when the provider gives none, and the most we follow (a queue delay is 12 h at most). */
const DEFAULT_RETRY_S = 30;
const MAX_RETRY_S = 600;

/** `code message` of the envelope's errors, or the start of a body that is not one. */
async function errorsOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { errors?: { code?: number; message?: string }[] };
    const errors = (body.errors ?? []).map((e) => `${e.code ?? '?'} ${e.message ?? ''}`.trim());
    if (errors.length) return errors.join('; ');
  } catch {
    // not the envelope: say what came back instead
  }
  return text.slice(0, 200) || 'no body';
}

async function failure(model: string, res: Response): Promise<Error> {
  const reason = `Workers AI ${model} answered ${res.status}: ${await errorsOf(res)}`;
  if (res.status === 429 || res.status === 503) {
    const after = Number(res.headers.get('Retry-After'));
    return new RetryLaterError(reason, Math.min(MAX_RETRY_S, after > 0 ? after : DEFAULT_RETRY_S));
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403) return new PermanentJobError(reason);
  return new Error(reason);
}

/** Runs an image model; resolves to the PNG it made. Throws as described above. */
export async function runImageModel(config: WorkersAiConfig, model: string, input: Record<string, unknown>): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(`${config.apiUrl}/accounts/${encodeURIComponent(config.accountId)}/ai/run/${model}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new Error(`Workers AI ${model} unreachable: ${(err as Error).message}`);
  }
  if (!res.ok) throw await failure(model, res);
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.startsWith('image/')) throw new Error(`Workers AI ${model} answered ${type || 'no content type'} instead of an image: ${await errorsOf(res)}`);
  return new Uint8Array(await res.arrayBuffer());
}
