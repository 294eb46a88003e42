/**
 * Car photos for the demo and the browser tests, rendered here (nothing is downloaded): a car seen
 * from the front on a street — buildings, pavement, road — with its body, windscreen, headlights,
 * grille, wheels and a French plate. The scene is SVG (shapes only, rendered by sharp); the plate's
 * text is drawn with Photon's embedded Roboto, so no system font is needed and the vision service
 * can read it. Written as JPEG files to a temp folder (file inputs and uploads take paths).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const WIDTH = 1600;
const HEIGHT = 1067;
const BODY_COLOURS = ['#1f4e9c', '#b3202a', '#e8e8e4', '#2b2d31', '#7a8088', '#23603f'];

/** Temp folders of this process, removed when it exits. */
const folders: string[] = [];
process.once('exit', () => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Where the car stands in one frame: the same car, framed a little differently in each photo. */
type Frame = { cx: number; scale: number; street: number };

function frameOf(index: number): Frame {
  const shift = [0, -90, 80, -40, 120, 30][index % 6]!;
  return { cx: WIDTH / 2 + shift, scale: [1, 0.92, 1.06, 0.97, 0.9, 1.03][index % 6]!, street: index };
}

/** The street behind the car: sky, facades with windows, pavement, asphalt with a lane line. */
function streetSvg(f: Frame): string {
  const facades = Array.from({ length: 7 }, (_, i) => {
    const x = i * 240 - (f.street * 37) % 240;
    const tone = ['#c9b79c', '#d8cfc0', '#b9a58a', '#e0d6c4', '#a89a86'][(i + f.street) % 5];
    const windows = Array.from({ length: 6 }, (_, k) => `<rect x="${x + 30 + (k % 3) * 65}" y="${90 + Math.floor(k / 3) * 120}" width="40" height="70" fill="#4a5a6a" opacity="0.8"/>`).join('');
    return `<rect x="${x}" y="40" width="236" height="420" fill="${tone}"/>${windows}`;
  }).join('');
  return `
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc3e6"/><stop offset="1" stop-color="#dbe9f4"/></linearGradient>
      <linearGradient id="road" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6d6f72"/><stop offset="1" stop-color="#3f4143"/></linearGradient>
    </defs>
    <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
    ${facades}
    <rect y="460" width="${WIDTH}" height="60" fill="#b8b4ab"/>
    <rect y="516" width="${WIDTH}" height="8" fill="#8d8a83"/>
    <rect y="524" width="${WIDTH}" height="${HEIGHT - 524}" fill="url(#road)"/>
    <polygon points="${WIDTH / 2 - 14},${HEIGHT} ${WIDTH / 2 + 14},${HEIGHT} ${WIDTH / 2 + 3},560 ${WIDTH / 2 - 3},560" fill="#e8e4d0" opacity="0.7"/>`;
}

/** The car from the front, centred on `cx`; returns the SVG and where its plate goes. */
function carSvg(f: Frame, colour: string) {
  const s = f.scale;
  const w = 900 * s;
  const left = f.cx - w / 2;
  const y = (v: number) => 300 + v * s;
  const x = (v: number) => left + v * s;
  const plate = { x: Math.round(x(450 - 280)), y: Math.round(y(445)), w: Math.round(560 * s), h: Math.round(120 * s) };
  const svg = `
    <ellipse cx="${f.cx}" cy="${y(655)}" rx="${w * 0.56}" ry="${38 * s}" fill="#000" opacity="0.45"/>
    <rect x="${x(40)}" y="${y(540)}" width="${120 * s}" height="${120 * s}" rx="${22 * s}" fill="#151515"/>
    <rect x="${x(740)}" y="${y(540)}" width="${120 * s}" height="${120 * s}" rx="${22 * s}" fill="#151515"/>
    <path d="M ${x(170)} ${y(210)} L ${x(250)} ${y(40)} Q ${x(450)} ${y(10)} ${x(650)} ${y(40)} L ${x(730)} ${y(210)} Z" fill="${colour}"/>
    <path d="M ${x(200)} ${y(205)} L ${x(270)} ${y(65)} Q ${x(450)} ${y(40)} ${x(630)} ${y(65)} L ${x(700)} ${y(205)} Z" fill="#26323d"/>
    <path d="M ${x(290)} ${y(80)} L ${x(400)} ${y(75)} L ${x(330)} ${y(190)} L ${x(240)} ${y(195)} Z" fill="#fff" opacity="0.12"/>
    <rect x="${x(10)}" y="${y(200)}" width="${880 * s}" height="${380 * s}" rx="${70 * s}" fill="${colour}"/>
    <rect x="${x(10)}" y="${y(200)}" width="${880 * s}" height="${60 * s}" rx="${30 * s}" fill="#fff" opacity="0.1"/>
    <rect x="${x(-30)}" y="${y(215)}" width="${60 * s}" height="${40 * s}" rx="${10 * s}" fill="${colour}"/>
    <rect x="${x(870)}" y="${y(215)}" width="${60 * s}" height="${40 * s}" rx="${10 * s}" fill="${colour}"/>
    <path d="M ${x(60)} ${y(290)} L ${x(250)} ${y(300)} L ${x(240)} ${y(360)} L ${x(80)} ${y(345)} Z" fill="#eef3f6" stroke="#555" stroke-width="${4 * s}"/>
    <path d="M ${x(840)} ${y(290)} L ${x(650)} ${y(300)} L ${x(660)} ${y(360)} L ${x(820)} ${y(345)} Z" fill="#eef3f6" stroke="#555" stroke-width="${4 * s}"/>
    <rect x="${x(300)} " y="${y(300)}" width="${300 * s}" height="${110 * s}" rx="${20 * s}" fill="#1b1d20"/>
    ${Array.from({ length: 4 }, (_, i) => `<rect x="${x(315)}" y="${y(318 + i * 24)}" width="${270 * s}" height="${8 * s}" fill="#3c4046"/>`).join('')}
    <rect x="${x(40)}" y="${y(500)}" width="${820 * s}" height="${70 * s}" rx="${25 * s}" fill="#202225"/>
    <rect x="${plate.x - 8 * s}" y="${plate.y - 8 * s}" width="${plate.w + 16 * s}" height="${plate.h + 16 * s}" rx="${8 * s}" fill="#111"/>`;
  return { svg, plate };
}

/** Paints the plate (white, EU blue band with "F", the yellow-free French layout) and its text with Photon. */
async function drawPlate(rgba: Uint8Array, plate: { x: number; y: number; w: number; h: number }, text: string) {
  const { PhotonImage, Rgba, draw_text_with_color } = await import('@cf-wasm/photon/node');
  const band = Math.round(plate.w * 0.08);
  for (let y = plate.y; y < plate.y + plate.h; y++) {
    for (let x = plate.x; x < plate.x + plate.w; x++) {
      const blue = x < plate.x + band || x >= plate.x + plate.w - band;
      rgba.set(blue ? [20, 50, 170, 255] : [246, 246, 242, 255], (y * WIDTH + x) * 4);
    }
  }
  const image = new PhotonImage(rgba, WIDTH, HEIGHT);
  const fontSize = Math.round(plate.h * 0.78);
  draw_text_with_color(image, text, plate.x + band + plate.w * 0.05, plate.y + plate.h / 2 - fontSize * 0.6, fontSize, new Rgba(15, 15, 15, 255));
  draw_text_with_color(image, 'F', plate.x + band * 0.3, plate.y + plate.h * 0.55, Math.round(plate.h * 0.3), new Rgba(250, 250, 250, 255));
  const pixels = image.get_raw_pixels();
  image.free();
  return pixels;
}

/** One photo of the car: the frame's scene, the plate on it, a camera's softness and JPEG. */
export async function carPhoto(index: number, options: { plate: string; colour?: string }): Promise<Buffer> {
  const frame = frameOf(index);
  const car = carSvg(frame, options.colour ?? BODY_COLOURS[0]!);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${streetSvg(frame)}${car.svg}</svg>`;
  const scene = new Uint8Array(await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer());
  const pixels = await drawPlate(scene, car.plate, options.plate);
  return sharp(Buffer.from(pixels), { raw: { width: WIDTH, height: HEIGHT, channels: 4 } })
    .blur(0.6)
    .removeAlpha()
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** `count` photos of one car with `plate` (framed differently), as JPEG files; returns their paths. */
export async function carPhotos(count: number, options: { plate: string; colour?: string }): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-car-photos-'));
  folders.push(dir);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `car-${String(i + 1).padStart(2, '0')}.jpg`);
    writeFileSync(path, await carPhoto(i, options));
    paths.push(path);
  }
  return paths;
}
