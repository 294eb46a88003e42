/**
 * Unfinished multipart uploads, remembered in localStorage so that after a reload (or a crash)
 * picking the same file again resumes it: Uppy then lists the parts the server already has and
 * sends only the missing ones. A browser cannot re-open a file by itself, hence "pick again".
 */
export type UnfinishedUpload = { photoId: string; uploadId: string; albumId: string; name: string; size: number; savedAt: number };

const KEY = 'vitrine.unfinished-uploads';
/** Older entries are dropped: the server's upload URLs and parts do not live forever either. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

type FileLike = { name: string; size: number; lastModified?: number };
export const fingerprint = (albumId: string, file: FileLike) => `${albumId}/${file.name}/${file.size}/${file.lastModified ?? 0}`;

function readAll(): Record<string, UnfinishedUpload> {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, UnfinishedUpload>;
    return Object.fromEntries(Object.entries(all).filter(([, u]) => Date.now() - u.savedAt < MAX_AGE_MS));
  } catch {
    return {};
  }
}

const writeAll = (all: Record<string, UnfinishedUpload>) => localStorage.setItem(KEY, JSON.stringify(all));

export const findUnfinished = (print: string): UnfinishedUpload | undefined => readAll()[print];

export function rememberUnfinished(print: string, upload: Omit<UnfinishedUpload, 'savedAt'>) {
  writeAll({ ...readAll(), [print]: { ...upload, savedAt: Date.now() } });
}

export function forgetUnfinished(print: string) {
  const all = readAll();
  delete all[print];
  writeAll(all);
}

export const unfinishedInAlbum = (albumId: string): UnfinishedUpload[] => Object.values(readAll()).filter((u) => u.albumId === albumId);
