/**
 * The external vision service (contract in vision/README.md): `POST /v1/read-text` and
 * `POST /v1/cutout` with the image as the body and a shared secret header. Locally it is the
 * reference implementation in vision/; production can point VISION_URL at any service speaking it.
 */
import type { Cutout, CutoutResult, TextReader, TextReading } from './types';
import { VisionBusyError, VisionUnavailableError } from './types';

type Service = { url: string; secret: string };

/**
 * A reading takes ~0.5 s and a cutout ~2.5 s; a request still unanswered after this is treated as
 * an outage (the queue retries the message later) instead of holding the consumer indefinitely.
 */
const TIMEOUT_MS = 30_000;
/** A busy service's Retry-After is followed up to this (a queue message may be delayed 12 h at most). */
const MAX_RETRY_AFTER_SECONDS = 600;

async function post(service: Service, path: string, image: Uint8Array, contentType: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'X-Vision-Secret': service.secret },
      body: image,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new VisionUnavailableError(`vision service unreachable: ${(err as Error).message}`);
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  if ((response.status === 503 || response.status === 429) && retryAfter > 0) {
    const depth = response.headers.get('Vision-Queue-Depth') ?? '?';
    throw new VisionBusyError(`vision service busy (${depth} image(s) queued): retry in ${retryAfter} s`, Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS));
  }
  if (response.status >= 500 || response.status === 401 || response.status === 429) {
    throw new VisionUnavailableError(`vision service answered ${response.status}: ${await response.text()}`);
  }
  if (!response.ok) throw new Error(`vision service refused the image (${response.status}): ${await response.text()}`);
  return response;
}

export function externalTextReader(service: Service): TextReader {
  return {
    source: 'ocr:external',
    async readText(image, contentType) {
      return (await (await post(service, '/v1/read-text', image, contentType)).json()) as TextReading;
    },
  };
}

export function externalCutout(service: Service): Cutout {
  return {
    source: 'cutout:external',
    async cutout(image, contentType): Promise<CutoutResult> {
      const response = await post(service, '/v1/cutout', image, contentType);
      return {
        png: new Uint8Array(await response.arrayBuffer()),
        subjectArea: Number(response.headers.get('Vision-Subject-Area') ?? 0),
        touchesBorder: response.headers.get('Vision-Touches-Border') === 'true',
      };
    },
  };
}
