/**
 * Property photos for the demo and the browser tests, rendered here (nothing is downloaded): an
 * empty room seen from its doorway (walls, floor, a window, a door), or a house front under a grey
 * sky for an exterior. SVG shapes rendered by sharp, a little dim and warm like an unedited
 * phone shot, so an enhance has something to fix. Written as JPEG files to a temp folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const WIDTH = 1600;
const HEIGHT = 1067;
/** Wall and floor tones per room, in the order rooms are asked for. */
const TONES = [['#d9cbb4', '#8a6a4a'], ['#e4e1d6', '#9b9a94'], ['#cdd3d8', '#a07c58'], ['#e8ecee', '#b8bcbe'], ['#d2c4ae', '#7d6248']];

/** Temp folders of this process, removed when it exits. */
const folders: string[] = [];
process.once('exit', () => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function roomSvg(index: number): string {
  const [wall, floor] = TONES[index % TONES.length]!;
  const windowX = 420 + (index * 137) % 500;
  return `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="${wall}"/>
    <polygon points="0,${HEIGHT} 260,760 1340,760 ${WIDTH},${HEIGHT}" fill="${floor}"/>
    <polygon points="0,0 260,120 260,760 0,${HEIGHT}" fill="#000" opacity="0.12"/>
    <polygon points="${WIDTH},0 1340,120 1340,760 ${WIDTH},${HEIGHT}" fill="#000" opacity="0.08"/>
    <rect x="${windowX}" y="230" width="360" height="330" fill="#dfe9ef" stroke="#f4f4f2" stroke-width="18"/>
    <line x1="${windowX + 180}" y1="230" x2="${windowX + 180}" y2="560" stroke="#f4f4f2" stroke-width="12"/>
    <rect x="1080" y="330" width="170" height="430" fill="#b89a78" stroke="#f0ebe2" stroke-width="10"/>`;
}

function exteriorSvg(): string {
  const windows = [0, 1, 2, 3].map((k) => `<rect x="${520 + k * 150}" y="470" width="80" height="110" fill="#3c4650"/>`).join('');
  return `
    <rect width="${WIDTH}" height="${HEIGHT}" fill="#b9bcbf"/>
    <rect y="820" width="${WIDTH}" height="${HEIGHT - 820}" fill="#6f7d52"/>
    <polygon points="420,400 800,180 1180,400" fill="#7b4a3a"/>
    <rect x="440" y="400" width="720" height="420" fill="#e3d7c2"/>${windows}
    <rect x="760" y="640" width="90" height="180" fill="#5b3b2b"/>`;
}

/** One photo: `exterior` draws the house front, anything else a room. */
async function roomPhoto(index: number, exterior: boolean): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${exterior ? exteriorSvg() : roomSvg(index)}</svg>`;
  return sharp(Buffer.from(svg)).linear(0.82, 4).jpeg({ quality: 88 }).toBuffer();
}

/** A JPEG per name (`living-room`, `exterior`...), written as `<name>.jpg`; returns their paths in order. */
export async function roomPhotos(names: string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-room-photos-'));
  folders.push(dir);
  const paths: string[] = [];
  for (const [i, name] of names.entries()) {
    const path = join(dir, `${name}.jpg`);
    writeFileSync(path, await roomPhoto(i, name === 'exterior'));
    paths.push(path);
  }
  return paths;
}
