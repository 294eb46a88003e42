/** Measures of rendered pixels for the backdrop tests: luminance, its spread, and line spacing. */
export type Pixels = { width: number; height: number; data: ArrayLike<number> };

export const luminance = (img: Pixels, x: number, y: number) => {
  const o = (y * img.width + x) * 4;
  return 0.2126 * img.data[o]! + 0.7152 * img.data[o + 1]! + 0.0722 * img.data[o + 2]!;
};

/** Mean luminance of pixel row `y`. */
export function rowMean(img: Pixels, y: number) {
  let sum = 0;
  for (let x = 0; x < img.width; x++) sum += luminance(img, x, y);
  return sum / img.width;
}

/** Mean and standard deviation of the luminance over rows [from, to) (fractions of the height). */
export function bandStats(img: Pixels, from: number, to: number) {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let y = Math.floor(from * img.height); y < Math.floor(to * img.height); y++) {
    for (let x = 0; x < img.width; x++) {
      const l = luminance(img, x, y);
      sum += l;
      squares += l * l;
      n++;
    }
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, squares / n - mean * mean)) };
}

/**
 * How many thin features (grout, joints, painted lines) cross row `at` (a fraction of the
 * height): peaks of the row's luminance against its 50-pixel neighbourhood, counting those at
 * least `share` of the strongest one. A floor in perspective shows more of them far away.
 */
export function linesCrossing(img: Pixels, at: number, share = 0.35): number {
  const y = Math.floor(at * img.height);
  const row = Array.from({ length: img.width }, (_, x) => (luminance(img, Math.max(0, x - 1), y) + luminance(img, x, y) + luminance(img, Math.min(img.width - 1, x + 1), y)) / 3);
  const high = row.map((_, x) => {
    let s = 0;
    let n = 0;
    for (let k = Math.max(0, x - 25); k <= Math.min(img.width - 1, x + 25); k++, n++) s += row[k]!;
    return row[x]! - s / n;
  });
  // Lines are darker (grout) or lighter (paint) than the floor: count the stronger kind only, not
  // the opposite halo a wide line leaves beside itself.
  const strongest = high.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
  const above = (x: number) => high[x]! * Math.sign(strongest) >= share * Math.abs(strongest);
  let count = 0;
  for (let x = 0; x < high.length; x++) if (above(x) && (x === 0 || !above(x - 1))) count++;
  return count;
}

/**
 * The pool of light on the floor below row `from`, around column `u`: its brightest row, and how
 * far the light reaches along that row (`across`, each side) and along the column (`along`, above
 * plus below) before falling by `share` of the way down to the column's darkest row.
 */
export function poolExtent(img: Pixels, u: number, from: number, share = 0.3) {
  const cx = Math.floor(u * img.width);
  const at = (x: number, y: number) => {
    let s = 0;
    for (let k = -3; k <= 3; k++) s += luminance(img, Math.min(img.width - 1, Math.max(0, x + k)), y);
    return s / 7;
  };
  const start = Math.ceil(from * img.height);
  let peak = start;
  let darkest = at(cx, start);
  for (let y = start; y < img.height; y++) {
    if (at(cx, y) > at(cx, peak)) peak = y;
    darkest = Math.min(darkest, at(cx, y));
  }
  const floorLevel = at(cx, peak) - share * (at(cx, peak) - darkest);
  let up = peak;
  while (up > start && at(cx, up) > floorLevel) up--;
  let down = peak;
  while (down < img.height - 1 && at(cx, down) > floorLevel) down++;
  let right = cx;
  while (right < img.width - 1 && at(right, peak) > floorLevel) right++;
  return { peak: peak / img.height, along: down - up, across: right - cx };
}
