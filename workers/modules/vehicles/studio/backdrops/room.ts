/**
 * A room seen by a level camera one unit above the floor: a floor in perspective (its lines
 * converge to the vanishing point at `eye`), a back wall facing the camera at `wallZ` (or what
 * stands behind an outdoor floor, sky included) and an optional ceiling. Each surface is a function
 * of world coordinates plus the world size of one pixel there, so patterns are filtered, not
 * aliased. A glossy floor mirrors the wall: for a wall facing the camera the mirror image is the
 * wall's rows flipped about the floor line, blurred more the nearer the floor is to the camera and
 * fading as the view looks down (less grazing, less reflection).
 */
import { blend, type Color, clamp01, color, put, scale } from './paint';

export type Room = {
  /** Row of the vanishing point, as a fraction of the height. */
  eye: number;
  /** Focal length, in image heights. */
  focal: number;
  /** Distance of the back wall, in camera heights. */
  wallZ: number;
  /** Ceiling height in camera heights; none outdoors. */
  ceiling?: number;
  /**
   * The back wall at world (X, Y), Y up from the floor; `px` is the world size of a pixel there,
   * `column` the value `wallColumn` gave for this column (a skyline, say: computed once, not per row).
   */
  wall(c: Color, X: number, Y: number, px: number, column: number): void;
  wallColumn?(X: number, px: number): number;
  ceilingAt?(c: Color, X: number, Z: number, px: number): void;
  /** The floor at world (X, Z); `fpX`, `fpZ` are the world size of a pixel across and in depth. */
  floor(c: Color, X: number, Z: number, fpX: number, fpZ: number): void;
  /** Mirror reflection at the foot of the wall (0 = matt floor) and its blur growth. */
  gloss: number;
  roughness: number;
  vignette: number;
};

/** Where the floor meets the back wall, as a fraction of the height. */
export const floorLine = (room: Room) => room.eye + room.focal / room.wallZ;

/** Paints `room` into `out` (opaque RGBA, `w` x `h`): back wall and ceiling first, then the floor that mirrors them. */
export function renderRoom(room: Room, w: number, h: number, out: Uint8ClampedArray) {
  const junction = Math.min(h, Math.ceil(floorLine(room) * h));
  paintBackWall(room, w, h, junction, out);
  paintFloor(room, w, h, junction, out);
}

function paintBackWall(room: Room, w: number, h: number, junction: number, out: Uint8ClampedArray) {
  const cx = w / 2;
  const ye = room.eye * h;
  const f = room.focal * h;
  const lift = (room.ceiling ?? 0) - 1;
  const ceilingRow = room.ceilingAt && lift > 0 ? ye - (lift * f) / room.wallZ : -1;
  const c = color();
  const columns = new Float32Array(w);
  if (room.wallColumn) for (let x = 0; x < w; x++) columns[x] = room.wallColumn((x + 0.5 - cx) * (room.wallZ / f), room.wallZ / f);
  for (let y = 0; y < junction; y++) {
    const py = y + 0.5;
    const onCeiling = py < ceilingRow;
    const px = onCeiling ? (lift / (ye - py)) : room.wallZ / f;
    const Y = 1 + (ye - py) * px;
    // Corners are darker: a soft occlusion along the floor and the ceiling lines.
    const occlusion = onCeiling ? 1 : 1 - 0.22 * Math.exp(-Y * 6) - (room.ceiling ? 0.12 * Math.exp(-(room.ceiling - Y) * 5) : 0);
    for (let x = 0; x < w; x++) {
      const X = (x + 0.5 - cx) * px;
      if (onCeiling) room.ceilingAt!(c, X, (lift * f) / (ye - py), px);
      else room.wall(c, X, Y, px, columns[x]!);
      scale(c, occlusion);
      put(out, y * w + x, c, x, y, w, h, room.vignette);
    }
  }
}

/** Reflections are read from the wall at a quarter of the resolution: they are blurred anyway. */
const STEP = 4;

/** The wall's rows averaged in STEP x STEP blocks (RGB floats, about 1/16 of the output's size). */
function shrinkWall(out: Uint8ClampedArray, w: number, junction: number) {
  const sw = Math.ceil(w / STEP);
  const sh = Math.max(1, Math.ceil(junction / STEP));
  const small = new Float32Array(sw * sh * 3);
  const count = new Float32Array(sw * sh);
  for (let y = 0; y < junction; y++) {
    const row = Math.floor(y / STEP) * sw;
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const s = row + Math.floor(x / STEP);
      small[s * 3]! += out[o]!;
      small[s * 3 + 1]! += out[o + 1]!;
      small[s * 3 + 2]! += out[o + 2]!;
      count[s]! += 1;
    }
  }
  for (let s = 0; s < count.length; s++) for (let ch = 0; ch < 3; ch++) small[s * 3 + ch]! /= Math.max(1, count[s]!);
  return { small, sw, sh };
}

/** One row of reflection (at the shrunk width): the wall rows around `mirror` averaged over `spread`. */
function reflectionRow(wall: ReturnType<typeof shrinkWall>, mirror: number, spread: number, acc: Float32Array) {
  const { small, sw, sh } = wall;
  acc.fill(0);
  const taps = [-1, -0.33, 0.33, 1];
  for (const k of taps) {
    const r = Math.min(sh - 1, Math.max(0, (mirror + k * spread) / STEP - 0.5));
    const r0 = Math.floor(r);
    const r1 = Math.min(sh - 1, r0 + 1);
    const t = (r - r0) / taps.length;
    const u = 1 / taps.length - t;
    for (let i = 0; i < sw * 3; i++) acc[i]! += small[r0 * sw * 3 + i]! * u + small[r1 * sw * 3 + i]! * t;
  }
}

function paintFloor(room: Room, w: number, h: number, junction: number, out: Uint8ClampedArray) {
  const cx = w / 2;
  const ye = room.eye * h;
  const f = room.focal * h;
  const yj = floorLine(room) * h;
  const c = color();
  const wall = room.gloss > 0 ? shrinkWall(out, w, junction) : null;
  const acc = new Float32Array((wall?.sw ?? 0) * 3);
  for (let y = junction; y < h; y++) {
    const py = y + 0.5;
    const Z = f / (py - ye);
    const fpX = Z / f;
    const fpZ = (Z * Z) / f;
    const depth = py - yj;
    const t = clamp01(depth / (h - yj));
    const strength = room.gloss * (0.2 + 0.8 * (1 - t) * (1 - t));
    if (wall) reflectionRow(wall, 2 * yj - py, 1 + room.roughness * depth, acc);
    const occlusion = 1 - 0.25 * Math.exp(-(room.wallZ - Z) * 3);
    for (let x = 0; x < w; x++) {
      const X = (x + 0.5 - cx) * fpX;
      room.floor(c, X, Z, fpX, fpZ);
      scale(c, occlusion);
      if (wall) {
        const sx = Math.min(wall.sw - 1, Math.max(0, (x + 0.5) / STEP - 0.5));
        const i0 = Math.floor(sx);
        const i1 = Math.min(wall.sw - 1, i0 + 1);
        const fx = sx - i0;
        const r = acc[i0 * 3]! + (acc[i1 * 3]! - acc[i0 * 3]!) * fx;
        const g = acc[i0 * 3 + 1]! + (acc[i1 * 3 + 1]! - acc[i0 * 3 + 1]!) * fx;
        const b = acc[i0 * 3 + 2]! + (acc[i1 * 3 + 2]! - acc[i0 * 3 + 2]!) * fx;
        blend(c, r, g, b, strength);
      }
      put(out, y * w + x, c, x, y, w, h, room.vignette);
    }
  }
}
