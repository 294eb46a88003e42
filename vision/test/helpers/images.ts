/**
 * Test photos made on the spot: text rendered as SVG paths from a font file that ships in an npm
 * package (no system fonts needed), on a photographic-looking background (gradient, blobs, noise),
 * then tilted in perspective, blurred a little and saved as JPEG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype from 'opentype.js';
import sharp from 'sharp';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const loadFont = (file: string) => {
  const bytes = readFileSync(join(fontDir, file));
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
const fonts = { bold: loadFont('DejaVuSans-Bold.ttf'), condensed: loadFont('DejaVuSansCondensed-Bold.ttf') };

/** Where a sign was drawn, in the final image's pixels (before the slight tilt). */
export type Placed = { text: string; x: number; y: number; w: number; h: number };

type Sign = { kind: 'plate' | 'bib' | 'word'; text: string; x: number; y: number; height: number };

type Font = typeof fonts.bold;

// Glyph by glyph: opentype.js 2's text shaping chokes on DejaVu's ccmp lookups, and Latin capitals
// and digits need none.
function advance(font: Font, text: string, size: number) {
  return [...text].reduce((w, ch) => w + ((font.charToGlyph(ch).advanceWidth ?? 0) * size) / font.unitsPerEm, 0);
}

/** Draws text centred on `cx` as filled SVG paths. */
function textPath(font: Font, text: string, cx: number, baseline: number, size: number, fill: string) {
  let x = cx - advance(font, text, size) / 2;
  const paths = [...text].map((ch) => {
    const glyph = font.charToGlyph(ch);
    const d = glyph.getPath(x, baseline, size).toPathData(2);
    x += ((glyph.advanceWidth ?? 0) * size) / font.unitsPerEm;
    return d;
  });
  return `<path fill="${fill}" d="${paths.join(' ')}"/>`;
}

/** One sign (a French plate, a race bib, a painted word) as SVG, and the box it covers. */
function drawSign(sign: Sign): { svg: string; placed: Placed } {
  const { x, y, height: h, text } = sign;
  if (sign.kind === 'plate') {
    // An SIV plate: white, black border, blue EU band on the left.
    const w = h * 4.7;
    const band = h * 0.42;
    const svg = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h * 0.08}" fill="#f4f4f0" stroke="#111" stroke-width="${h * 0.04}"/>
      <rect x="${x}" y="${y}" width="${band}" height="${h}" rx="${h * 0.08}" fill="#1d3c9a"/>
      ${textPath(fonts.condensed, 'F', x + band / 2, y + h * 0.86, h * 0.32, '#fff')}
      ${textPath(fonts.condensed, text, x + band + (w - band) / 2, y + h * 0.77, h * 0.72, '#111')}`;
    return { svg, placed: { text, x, y, w, h } };
  }
  if (sign.kind === 'bib') {
    const w = h * 1.5;
    const svg = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h * 0.05}" fill="#fbfbf6"/>
      <rect x="${x}" y="${y}" width="${w}" height="${h * 0.16}" fill="#c8102e"/>
      ${textPath(fonts.bold, text, x + w / 2, y + h * 0.8, h * 0.55, '#101010')}`;
    return { svg, placed: { text, x, y, w, h } };
  }
  const w = advance(fonts.bold, text, h);
  return { svg: textPath(fonts.bold, text, x + w / 2, y + h * 0.8, h, '#f2f2f2'), placed: { text, x, y, w, h } };
}

function background(width: number, height: number) {
  return `<defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0.3" y2="1">
        <stop offset="0" stop-color="#6d7f93"/><stop offset="0.55" stop-color="#8a8470"/><stop offset="1" stop-color="#3d3a33"/>
      </linearGradient>
      <radialGradient id="glow" cx="0.7" cy="0.3" r="0.6">
        <stop offset="0" stop-color="#e8d8b0" stop-opacity="0.55"/><stop offset="1" stop-color="#e8d8b0" stop-opacity="0"/>
      </radialGradient>
    </defs>
    <rect width="${width}" height="${height}" fill="url(#sky)"/>
    <rect width="${width}" height="${height}" fill="url(#glow)"/>
    <ellipse cx="${width * 0.2}" cy="${height * 0.75}" rx="${width * 0.25}" ry="${height * 0.2}" fill="#2d4a2a" opacity="0.6"/>
    <ellipse cx="${width * 0.85}" cy="${height * 0.85}" rx="${width * 0.2}" ry="${height * 0.15}" fill="#5a3d2a" opacity="0.5"/>`;
}

/** A homography warp (corners moved by up to `amount` of the size): a slightly oblique view. */
async function tilt(rgb: Buffer, width: number, height: number, amount: number) {
  const d = (f: number) => f * amount;
  // Where each output corner samples from: top edge a little narrower, a slight turn.
  const src = [
    [d(0.6) * width, d(0.3) * height],
    [width - d(0.2) * width, d(-0.2) * height],
    [width + d(0.1) * width, height - d(0.4) * height],
    [d(-0.2) * width, height + d(0.2) * height],
  ];
  const h = homography([[0, 0], [width, 0], [width, height], [0, height]], src);
  const out = Buffer.alloc(rgb.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = h[6]! * x + h[7]! * y + 1;
      const sx = Math.min(width - 1, Math.max(0, (h[0]! * x + h[1]! * y + h[2]!) / w));
      const sy = Math.min(height - 1, Math.max(0, (h[3]! * x + h[4]! * y + h[5]!) / w));
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, width - 1), y1 = Math.min(y0 + 1, height - 1);
      const ax = sx - x0, ay = sy - y0;
      const i00 = (y0 * width + x0) * 3, i01 = (y0 * width + x1) * 3;
      const i10 = (y1 * width + x0) * 3, i11 = (y1 * width + x1) * 3;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = rgb[i00 + c]! * (1 - ax) + rgb[i01 + c]! * ax;
        const bottom = rgb[i10 + c]! * (1 - ax) + rgb[i11 + c]! * ax;
        out[o + c] = Math.round(top * (1 - ay) + bottom * ay);
      }
    }
  }
  return out;
}

/** Solves the 8 parameters mapping four points onto four others (Gaussian elimination). */
function homography(from: number[][], to: number[][]) {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    rows.push([x!, y!, 1, 0, 0, 0, -u! * x!, -u! * y!, u!]);
    rows.push([0, 0, 0, x!, y!, 1, -v! * x!, -v! * y!, v!]);
  }
  for (let col = 0; col < 8; col++) {
    const pivot = rows.slice(col).reduce((best, row, i) => (Math.abs(row[col]!) > Math.abs(rows[best]![col]!) ? col + i : best), col);
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = rows[r]![col]! / rows[col]![col]!;
      for (let k = col; k < 9; k++) rows[r]![k]! -= f * rows[col]![k]!;
    }
  }
  return rows.map((row, i) => row[8]! / row[i]!);
}

export type Scene = { width: number; height: number; signs: Sign[]; tilt?: number; blur?: number; rotate?: number };

/** Renders a scene to JPEG bytes, with where each sign went. */
export async function renderScene(scene: Scene): Promise<{ jpeg: Buffer; placed: Placed[] }> {
  const { width, height } = scene;
  const drawn = scene.signs.map(drawSign);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${background(width, height)}
    <g transform="rotate(${scene.rotate ?? 0} ${width / 2} ${height / 2})">${drawn.map((d) => d.svg).join('')}</g></svg>`;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 22 } } })
    .png()
    .toBuffer();
  const rgb = await sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .removeAlpha()
    .raw()
    .toBuffer();
  const tilted = await tilt(rgb, width, height, scene.tilt ?? 0.03);
  const jpeg = await sharp(tilted, { raw: { width, height, channels: 3 } })
    .blur(scene.blur ?? 0.9)
    .jpeg({ quality: 85 })
    .toBuffer();
  return { jpeg, placed: drawn.map((d) => d.placed) };
}

/** A bright, rounded object (a toy car, roughly) on a dark noisy floor, for the cutout. */
export async function renderObject(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${width}" height="${height}" fill="#3a3f44"/>
    <ellipse cx="${width * 0.5}" cy="${height * 0.78}" rx="${width * 0.3}" ry="${height * 0.05}" fill="#22262a"/>
    <rect x="${width * 0.22}" y="${height * 0.45}" width="${width * 0.56}" height="${height * 0.25}" rx="${height * 0.06}" fill="#f2c230"/>
    <path d="M ${width * 0.32} ${height * 0.46} L ${width * 0.4} ${height * 0.3} L ${width * 0.6} ${height * 0.3} L ${width * 0.68} ${height * 0.46} Z" fill="#e8b820"/>
    <circle cx="${width * 0.33}" cy="${height * 0.72}" r="${height * 0.07}" fill="#111"/>
    <circle cx="${width * 0.67}" cy="${height * 0.72}" r="${height * 0.07}" fill="#111"/>
  </svg>`;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 90 }).toBuffer();
}
