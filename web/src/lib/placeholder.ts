import { thumbHashToDataURL } from 'thumbhash';

const cache = new Map<string, string>();

/** The data URL of a photo's ThumbHash placeholder (base64 in the API), decoded once per hash. */
export function placeholderUrl(hash: string | null): string | undefined {
  if (!hash) return undefined;
  let url = cache.get(hash);
  if (!url) {
    try {
      url = thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
    } catch {
      return undefined;
    }
    cache.set(hash, url);
  }
  return url;
}
