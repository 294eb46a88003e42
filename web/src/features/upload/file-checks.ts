/**
 * What the uploader tells a photographer about a file, in sentences: the checks made before a
 * byte is sent (the server makes them again), and the reason an upload did not go through.
 */
import { ACCEPTED_TYPES, MAX_PHOTO_BYTES } from '../../../../workers/shared/constants';
import { SNIFF_BYTES, type SniffedType, sniffImageType } from '../../../../workers/shared/sniff';
import { ApiError } from '../../api/client';
import { formatBytes } from '../../lib/format';

export type FileVerdict = { ok: true; type: string } | { ok: false; reason: string };

const NOT_ACCEPTED: Partial<Record<SniffedType, string>> = {
  'image/heic': 'this is a HEIC image; export it as JPEG first.',
  'image/avif': 'this is an AVIF image; upload JPEG, PNG or WebP.',
  'image/gif': 'this is a GIF; upload JPEG, PNG or WebP.',
};

/**
 * Refuses what the server would refuse anyway (empty, too large, not a JPEG, PNG or WebP by its
 * first bytes, whatever its name says), and gives the real type to declare.
 */
export async function inspectFile(file: Blob): Promise<FileVerdict> {
  if (file.size === 0) return { ok: false, reason: 'This file is empty.' };
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, reason: `Too large: photos are limited to ${formatBytes(MAX_PHOTO_BYTES)} each.` };
  const type = sniffImageType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if ((ACCEPTED_TYPES as readonly string[]).includes(type)) return { ok: true, type };
  return { ok: false, reason: `Not a photo: ${NOT_ACCEPTED[type] ?? 'only JPEG, PNG and WebP images can be uploaded.'}` };
}

/** A 4xx other than a timeout or a rate limit: sending the same file again gets the same answer. */
export function isFinalRefusal(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

/** The sentence a file's row shows for an error: the API's own words, or ours for a failed transfer. */
export function reasonOf(err: unknown): string {
  if (err instanceof ApiError) {
    // A batch refusal names the file first; the row already does, so its own reason is enough.
    const files = (err.details as { files?: { message?: string }[] } | undefined)?.files;
    return asSentence(files?.[0]?.message ?? err.message);
  }
  // A PUT to storage (Uppy puts the XHR on `source`): its status says more than "Non 2xx".
  const status = (err as { source?: { status?: number } } | undefined)?.source?.status;
  if (status === 0) return 'The connection dropped; retry when you are back online.';
  if (status) return `The storage answered ${status}; retry in a moment.`;
  return asSentence((err as Error | undefined)?.message || 'The upload failed; retry in a moment.');
}

const asSentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
};
