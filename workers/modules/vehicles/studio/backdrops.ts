/**
 * The studio's backdrops: each rendered by the project at any size (no image is downloaded), one
 * file per family in backdrops/. `floor` is where a car's tyres touch the ground by default and
 * `horizon` where the floor meets the wall or the sky, both as fractions of the height; the compose
 * step places the car on them.
 */
import { BACKDROP_IDS, type BackdropId } from '../../../shared/enums';
import { garageLuxury, garageModern } from './backdrops/garage';
import { parkingOutdoor } from './backdrops/parking';
import { floorLine, type Room, renderRoom } from './backdrops/room';
import { showroomIndoor, showroomOutdoor } from './backdrops/showroom';
import { COVE, type Cyclorama, renderCyclorama, studioBlack, studioGrey, studioWhite } from './backdrops/studio';

/** A backdrop as the API lists it and the compose step places a car on it. */
export type Backdrop = { id: BackdropId; name: string; horizon: number; floor: number };
export type Rgba = { width: number; height: number; data: Uint8ClampedArray };

/** Bumped whenever a backdrop's look changes: part of the thumbnails' immutable URLs. */
export const BACKDROPS_VERSION = 1;

type Scene = { name: string; floor: number } & ({ room: Room } | { cyclorama: Cyclorama });

const SCENES: Record<BackdropId, Scene> = {
  showroom_indoor: { name: 'Showroom', floor: 0.86, room: showroomIndoor },
  showroom_outdoor: { name: 'Showroom forecourt', floor: 0.86, room: showroomOutdoor },
  studio_white: { name: 'White studio', floor: 0.84, cyclorama: studioWhite },
  studio_grey: { name: 'Grey studio', floor: 0.84, cyclorama: studioGrey },
  studio_black: { name: 'Black studio', floor: 0.84, cyclorama: studioBlack },
  garage_modern: { name: 'Modern garage', floor: 0.87, room: garageModern },
  garage_luxury: { name: 'Luxury garage', floor: 0.87, room: garageLuxury },
  parking_outdoor: { name: 'Outdoor car park', floor: 0.86, room: parkingOutdoor },
};

/** Every backdrop, in the order of `BACKDROP_IDS`. */
export const BACKDROPS: readonly Backdrop[] = BACKDROP_IDS.map((id) => {
  const scene = SCENES[id];
  const horizon = 'room' in scene ? floorLine(scene.room) : COVE;
  return { id, name: scene.name, horizon: Math.round(horizon * 1000) / 1000, floor: scene.floor };
});

export const backdropOf = (id: BackdropId): Backdrop => BACKDROPS.find((b) => b.id === id)!;

/**
 * Past this many pixels a backdrop is drawn at half its width and height and enlarged: it sits
 * behind the car, where a photo's background is a little out of focus anyway, and it keeps a
 * 1600 px backdrop to a quarter of the work (see the timings in README).
 */
const DIRECT_PIXELS = 640 * 480;

/** The backdrop's pixels at `width` x `height` (opaque RGBA), the same every time. */
export function renderBackdrop(id: BackdropId, width: number, height: number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  if (width * height <= DIRECT_PIXELS) {
    paint(id, width, height, data);
    return { width, height, data };
  }
  const half = { width: Math.ceil(width / 2), height: Math.ceil(height / 2) };
  const small = new Uint8ClampedArray(half.width * half.height * 4);
  paint(id, half.width, half.height, small);
  enlarge({ ...half, data: small }, { width, height, data });
  return { width, height, data };
}

function paint(id: BackdropId, width: number, height: number, data: Uint8ClampedArray) {
  const scene = SCENES[id];
  if ('room' in scene) renderRoom(scene.room, width, height, data);
  else renderCyclorama(scene.cyclorama, width, height, data);
}

/**
 * Bilinear enlargement of `from` into `to` (pixel centres aligned): each source row is widened
 * once into one of two row buffers, then every output row blends the two rows around it.
 */
function enlarge(from: Rgba, to: Rgba) {
  const w = to.width;
  const sx = from.width / w;
  const sy = from.height / to.height;
  const rows = [new Float32Array(w * 3), new Float32Array(w * 3)];
  const held = [-1, -1];
  const widen = (row: number) => {
    const slot = row & 1;
    if (held[slot] === row) return rows[slot]!;
    const line = rows[slot]!;
    const base = row * from.width * 4;
    for (let x = 0; x < w; x++) {
      const u = Math.min(from.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const i = Math.min(from.width - 2, Math.floor(u));
      const t = u - i;
      const a = base + i * 4;
      for (let ch = 0; ch < 3; ch++) line[x * 3 + ch] = from.data[a + ch]! + (from.data[a + 4 + ch]! - from.data[a + ch]!) * t;
    }
    held[slot] = row;
    return line;
  };
  // One 32-bit store per pixel (RGBA little-endian, as on every Workers host) instead of four clamped ones.
  const out = new Uint32Array(to.data.buffer, to.data.byteOffset, w * to.height);
  for (let y = 0; y < to.height; y++) {
    const v = Math.min(from.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const r0 = Math.min(from.height - 2, Math.floor(v));
    const t = v - r0;
    const upper = widen(r0);
    const lower = widen(r0 + 1);
    let o = y * w;
    for (let x = 0; x < w * 3; x += 3) {
      const r = (upper[x]! + (lower[x]! - upper[x]!) * t + 0.5) | 0;
      const g = (upper[x + 1]! + (lower[x + 1]! - upper[x + 1]!) * t + 0.5) | 0;
      const b = (upper[x + 2]! + (lower[x + 2]! - upper[x + 2]!) * t + 0.5) | 0;
      out[o++] = 0xff000000 | (b << 16) | (g << 8) | r;
    }
  }
}
