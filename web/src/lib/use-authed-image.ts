/** Images behind the session's header, for <img>. */
import { useEffect, useState } from 'react';
import { api } from '../api/client';

/**
 * An image the API serves only with the session's header (a studio image, a transformation):
 * fetched as a blob and shown through an object URL, released when the path changes or the
 * component goes. A new version has a new path, so a poll that returns the same photo fetches nothing again.
 */
export function useAuthedImage(path: string | null): { src: string | null; failed: boolean } {
  const [state, setState] = useState<{ src: string | null; failed: boolean }>({ src: null, failed: false });
  useEffect(() => {
    setState({ src: null, failed: false });
    if (!path) return;
    const abort = new AbortController();
    let objectUrl: string | null = null;
    api.privateFile(path, abort.signal).then(
      (blob) => {
        objectUrl = URL.createObjectURL(blob);
        setState({ src: objectUrl, failed: false });
      },
      (err: Error) => {
        if (err.name !== 'AbortError') setState({ src: null, failed: true });
      },
    );
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [path]);
  return state;
}
