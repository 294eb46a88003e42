/**
 * The studio's backdrops: the public list, each thumbnail a real 400x225 WebP, and the renders
 * looking like places (a floor distinct from the wall, light that varies, a floor in perspective)
 * rather than flat fills.
 */
import { describe, expect, it } from 'vitest';
import { decodeWebp } from '../workers/modules/media/codecs/webp';
import { BACKDROPS, renderBackdrop } from '../workers/modules/vehicles/studio/backdrops';
import { BACKDROP_IDS } from '../workers/shared/enums';
import { call, callBytes } from './helpers/api';
import { bandStats, linesCrossing, poolExtent, rowMean } from './helpers/image-stats';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('GET /v1/backdrops', () => {
  it('lists every backdrop with a name, its floor lines and a versioned thumbnail URL, without credentials', async () => {
    const res = await call('GET', '/v1/backdrops');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toMatch(/^public/);
    expect(res.data.backdrops.map((b: { id: string }) => b.id)).toEqual([...BACKDROP_IDS]);
    for (const b of res.data.backdrops) {
      expect(b.name).toMatch(/\w/);
      expect(b.thumbUrl).toMatch(new RegExp(`^/v1/backdrops/${b.id}/thumb\\.webp\\?v=\\d+$`));
      expect(b.horizon).toBeGreaterThan(0.3);
      expect(b.floor).toBeGreaterThan(b.horizon);
      expect(b.floor).toBeLessThan(1);
    }
  });
});

describe('the API reference', () => {
  it('documents both routes as public', async () => {
    const { data } = await call('GET', '/openapi.json');
    expect(data.paths['/v1/backdrops'].get['x-access']).toBe('public');
    expect(Object.keys(data.paths['/v1/backdrops/{id}/thumb.webp'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
  });
});

describe('GET /v1/backdrops/:id/thumb.webp', () => {
  it('answers a 400x225 WebP, immutable at the listed URL', async () => {
    const { data } = await call('GET', '/v1/backdrops');
    for (const { thumbUrl } of data.backdrops) {
      const res = await callBytes('GET', thumbUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('image/webp');
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(new TextDecoder().decode(res.bytes.subarray(8, 12))).toBe('WEBP');
      const image = await decodeWebp(res.bytes);
      expect([image.width, image.height]).toEqual([400, 225]);
      // The encoded picture is the backdrop, not a blank: its floor is not one colour.
      expect(bandStats(image, 0.8, 1).sd).toBeGreaterThan(2);
    }
  });

  it('is cached only for an hour at a URL without the current version', async () => {
    const res = await callBytes('GET', '/v1/backdrops/studio_grey/thumb.webp?v=0');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('answers 404 BACKDROP_NOT_FOUND for an unknown backdrop', async () => {
    const res = await call('GET', '/v1/backdrops/beach_sunset/thumb.webp');
    expect(res.status).toBe(404);
    expect(res.data.error.code).toBe('BACKDROP_NOT_FOUND');
    expect(res.data.error.requestId).toBeTruthy();
  });
});

describe('the backdrops as rendered for the studio', () => {
  const renders = BACKDROPS.map((b) => ({ ...b, image: renderBackdrop(b.id, 800, 450) }));
  const rooms = () => renders.filter((r) => !r.id.startsWith('studio_'));
  const studios = () => renders.filter((r) => r.id.startsWith('studio_'));

  it('are the same pixels every time', () => {
    const again = renderBackdrop('parking_outdoor', 800, 450).data;
    const first = renders.find((r) => r.id === 'parking_outdoor')!.image.data;
    expect(again.length).toBe(first.length);
    expect(again.findIndex((v, i) => v !== first[i])).toBe(-1);
  });

  it.each(renders.map((r) => [r.id, r] as const))('%s is not a flat fill: light varies over the floor and over the wall', (_, r) => {
    expect(bandStats(r.image, r.horizon + 0.05, 1).sd).toBeGreaterThan(4);
    expect(bandStats(r.image, 0.05, r.horizon - 0.05).sd).toBeGreaterThan(4);
  });

  it.each(rooms().map((r) => [r.id, r] as const))('%s has a floor distinct from its wall', (_, r) => {
    const wall = bandStats(r.image, 0.05, r.horizon - 0.05);
    const floor = bandStats(r.image, r.horizon + 0.05, 1);
    expect(Math.abs(wall.mean - floor.mean)).toBeGreaterThan(8);
  });

  it.each(studios().map((r) => [r.id, r] as const))('%s curves from floor to wall with no corner, lit from the front (darker upwards)', (_, r) => {
    const top = bandStats(r.image, 0.02, 0.12).mean;
    const cove = bandStats(r.image, r.horizon - 0.04, r.horizon + 0.04);
    expect(cove.mean - top).toBeGreaterThan(10);
    // No corner: across the cove, neighbouring rows never jump.
    const rows = r.image.height;
    for (let y = Math.floor((r.horizon - 0.06) * rows); y < (r.horizon + 0.06) * rows; y++) {
      expect(Math.abs(rowMean(r.image, y + 1) - rowMean(r.image, y))).toBeLessThan(1.5);
    }
  });

  it.each(rooms().map((r) => [r.id, r] as const))('%s has a floor in perspective: more of its lines cross a far row than a near one', (_, r) => {
    const far = median([0.04, 0.055, 0.07, 0.085, 0.1].map((d) => linesCrossing(r.image, r.horizon + d, 0.5)));
    const near = median([0.9, 0.92, 0.94, 0.96, 0.98].map((at) => linesCrossing(r.image, at, 0.5)));
    expect(near).toBeGreaterThan(0);
    expect(far).toBeGreaterThanOrEqual(Math.max(near * 1.5, near + 2));
  });

  it.each(studios().map((r) => [r.id, r] as const))('%s has a round pool of light on its floor, seen in perspective: much wider than deep', (_, r) => {
    const pool = poolExtent(r.image, 0.5, r.horizon);
    expect(pool.peak).toBeGreaterThan(r.horizon);
    // Each side of the centre, the pool reaches further than its whole depth (a vignette alone is 1.6:1).
    expect(pool.across).toBeGreaterThan(pool.along);
  });
});
