/**
 * `npm run docs:backdrops`: README's pictures of the studio backdrops, rendered by the Worker's
 * own renderer at 800x450 into docs/backdrops/, with the render time at the size the studio
 * composes (1600x1067) printed for each.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { BACKDROPS, renderBackdrop } from '../workers/modules/vehicles/studio/backdrops';

const to = join(import.meta.dirname, '..', 'docs', 'backdrops');
mkdirSync(to, { recursive: true });
const only = process.argv[2];
for (const { id } of BACKDROPS.filter((b) => !only || b.id.includes(only))) {
  const started = performance.now();
  renderBackdrop(id, 1600, 1067);
  const ms = performance.now() - started;
  const { width, height, data } = renderBackdrop(id, 800, 450);
  const info = await sharp(data, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png({ palette: true, quality: 90, compressionLevel: 9 })
    .toFile(join(to, `${id}.png`));
  console.log(`docs/backdrops/${id}.png ${(info.size / 1024).toFixed(0)} KB, 1600x1067 in ${ms.toFixed(0)} ms`);
}
