/**
 * `npm run docs:backdrops`: README's pictures of the studio backdrops, rendered by the Worker's
 * own renderer at 800x450 into docs/backdrops/, with the time each takes at the size the studio
 * composes (1600x1067): the best of three, wall clock and CPU, next to a plain fill of the buffer
 * (the machine's own speed, so numbers taken on a busy machine can be read).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { BACKDROPS, renderBackdrop } from '../workers/modules/vehicles/studio/backdrops';

const to = join(import.meta.dirname, '..', 'docs', 'backdrops');
mkdirSync(to, { recursive: true });
/** Best of three runs of `work`: milliseconds of wall clock and of CPU. */
function timed(work: () => void) {
  let wall = Infinity;
  let cpu = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    wall = Math.min(wall, performance.now() - started);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return `${wall.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`;
}

const fill = timed(() => new Uint8ClampedArray(1600 * 1067 * 4).fill(128));
console.log(`a plain fill of a 1600x1067 RGBA buffer: ${fill}`);
const only = process.argv[2];
for (const { id } of BACKDROPS.filter((b) => !only || b.id.includes(only))) {
  const time = timed(() => renderBackdrop(id, 1600, 1067));
  const { width, height, data } = renderBackdrop(id, 800, 450);
  const info = await sharp(data, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png({ palette: true, colours: 256, dither: 1, compressionLevel: 9 })
    .toFile(join(to, `${id}.png`));
  console.log(`docs/backdrops/${id}.png ${(info.size / 1024).toFixed(0)} KB; 1600x1067 in ${time}`);
}
