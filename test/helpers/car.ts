import { PhotonImage, Rgba, draw_text_with_color } from '@cf-wasm/photon/workerd';
import { encodeWebp } from '../../workers/modules/media/codecs/webp';

const W = 1600;
const H = 1067;

/**
 * A car stand-in drawn in the test (WebP, 1600x1067): a dark body with a cabin, two wheels and a
 * white French plate on a plain, softly lit studio wall — a salient subject the cutout model
 * separates, and a plate the reader reads.
 */
export async function carPhoto(): Promise<Uint8Array> {
  const rgba = new Uint8Array(W * H * 4);
  const paint = (x: number, y: number, rgb: [number, number, number]) => rgba.set([...rgb, 255], (y * W + x) * 4);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) paint(x, y, y < 760 ? [214 - y / 20, 212 - y / 20, 206 - y / 20] : [150, 146, 140]);
  const inside = {
    body: (x: number, y: number) => x > 220 && x < 1380 && y > 520 && y < 820 && !((x < 260 || x > 1340) && (y < 560 || y > 780)),
    cabin: (x: number, y: number) => y > 330 && y <= 520 && x > 460 + (520 - y) * 0.7 && x < 1130 - (520 - y) * 0.5,
    wheel: (x: number, y: number) => [470, 1130].some((cx) => (x - cx) ** 2 + (y - 830) ** 2 < 110 ** 2),
  };
  for (let y = 300; y < 960; y++) {
    for (let x = 200; x < 1400; x++) {
      if (inside.wheel(x, y)) paint(x, y, [18, 18, 20]);
      else if (inside.cabin(x, y)) paint(x, y, [60, 80, 100]);
      else if (inside.body(x, y)) paint(x, y, [30, 50, 140 - (y - 520) / 6]);
    }
  }
  const plate = { x: 560, y: 640, w: 480, h: 110 };
  for (let y = plate.y; y < plate.y + plate.h; y++) for (let x = plate.x; x < plate.x + plate.w; x++) paint(x, y, x < plate.x + 40 ? [20, 50, 170] : [245, 245, 240]);
  const image = new PhotonImage(rgba, W, H);
  draw_text_with_color(image, 'AB-123-CD', plate.x + 55, plate.y + 10, 80, new Rgba(15, 15, 15, 255));
  const pixels = image.get_raw_pixels();
  image.free();
  return encodeWebp(pixels, W, H, 92);
}
