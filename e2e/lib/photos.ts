/** Photos for the browser tests, generated (nothing is downloaded): written to a temp folder for file inputs. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { photoJpeg, signImage } from '../../test/fixtures/generate';

export const BIB = '1234';

/** Temp folders of this test process, removed when it exits. */
const folders: string[] = [];
process.once('exit', () => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function tempFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** `count` race photos, of which the last `bibs` show bib 1234; returns their paths. */
export async function racePhotos(count: number, options: { bibs?: number; seed?: number } = {}): Promise<string[]> {
  const { bibs = 3, seed = 0 } = options;
  const dir = tempFolder('vitrine-e2e-photos-');
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = i >= count - bibs ? await signImage(BIB, { seed: seed + 100 + i }) : await photoJpeg(1600, 1067, { seed: seed + 200 + i });
    const path = join(dir, `race-${String(i + 1).padStart(3, '0')}.jpg`);
    writeFileSync(path, bytes);
    paths.push(path);
  }
  return paths;
}

/** A photo big enough to go multipart (> 16 MB): noise does not compress, so a PNG of it stays large. */
export async function largePhoto(megabytes = 20): Promise<string> {
  const side = Math.ceil(Math.sqrt((megabytes * 1024 * 1024) / 3));
  const pixels = randomBytes(side * side * 3);
  const path = join(tempFolder('vitrine-e2e-large-'), 'large.png');
  writeFileSync(path, await sharp(pixels, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer());
  return path;
}
