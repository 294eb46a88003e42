/**
 * A stand-in, answered inside the browser (`page.route`), for the API the vehicle Photos tab reads:
 * the album and its photos, and issue 12's studio contract (backdrops, the credit estimate, the
 * two studio routes, the session-only studio images). It keeps what a test asserts on: the bodies
 * received, the balance, how often the photos were polled, the headers images were asked with.
 * A studio job moves one step (queued -> running -> its outcome) each time the photos are read.
 */
import type { Page, Route } from 'playwright-core';
import sharp from 'sharp';
import type { Backdrop, PhotoStudio, StudioOptions, StudioPhoto, StudioRequest } from '../../web/src/api/types';
import { BACKDROP_IDS } from '../../workers/shared/enums';

export const ALBUM_ID = 'alb_harness_car';
export const SESSION = { token: 'harness-session-token', workspaceId: 'wsp_harness_dealer' };
const PRICE = 3;
const DEFAULTS: Omit<StudioOptions, 'backdrop'> = { scale: 1, positionX: 0.5, positionY: 0.78, autoCentre: true, shadow: true, reflection: false, plate: 'keep' };

type ApiFailure = { status: number; code: string; message: string; details?: unknown };
export type FakeStudioApi = {
  balance: number;
  photos: StudioPhoto[];
  studioBodies: { path: string; body: StudioRequest }[];
  estimates: string[];
  photoListReads: number;
  imageReads: { path: string; authorization: string | null }[];
  /** The next studio POST fails with this instead (a 400 the panel's controls cannot provoke). */
  nextFailure: ApiFailure | null;
  /** How a photo's studio job ends (default `done`). */
  outcome: Record<string, 'done' | 'doubtful' | 'failed'>;
  /** Paths no handler knew: a test asserts there are none. */
  unknown: string[];
};

const at = '2026-12-02T09:00:00.000Z';

function harnessPhoto(i: number, plate: string | null): StudioPhoto {
  const id = `pho_harness_${i}`;
  const variant = (name: string, width: number, height: number) => ({ url: `/v1/photos/${id}/${name}.webp?grant=harness`, width, height });
  return {
    id, albumId: ALBUM_ID, status: 'ready', name: `car-${i}.jpg`, type: 'image/jpeg', size: 2_400_000, width: 4000, height: 2667,
    sha256: null, takenAt: null, camera: null, quality: null, duplicateOf: null, nearDuplicateOf: null, placeholder: null,
    variants: { web: variant('web', 1600, 1067), thumb: variant('thumb', 400, 267) },
    recognition: { status: 'done', note: null }, cutout: null, processing: null, error: null,
    createdAt: at, uploadedAt: at, updatedAt: at,
    tags: plate ? [{ id: `tag_${i}`, kind: 'plate', value: plate, status: 'sure' }] : [],
    studio: null,
  };
}

/** A car, drawn (nothing is downloaded): on a street as taken, or on a showroom floor as the studio would make it. */
function carSvg(width: number, height: number, studio: boolean) {
  const scene = studio
    ? `<rect width="1600" height="900" fill="url(#wall)"/><rect y="560" width="1600" height="340" fill="url(#floor)"/><ellipse cx="800" cy="700" rx="520" ry="34" fill="#000" opacity=".45"/>`
    : `<rect width="1600" height="1067" fill="#9cc3e6"/><rect y="640" width="1600" height="427" fill="#6b6f73"/><rect y="560" width="1600" height="80" fill="#b9b2a3"/>`;
  const base = studio ? 690 : 820;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 ${studio ? 900 : 1067}" preserveAspectRatio="xMidYMid slice">
    <defs><linearGradient id="wall" x2="0" y2="1"><stop offset="0" stop-color="#3a3f47"/><stop offset="1" stop-color="#d9dde3"/></linearGradient>
    <linearGradient id="floor" x2="0" y2="1"><stop offset="0" stop-color="#c9ccd1"/><stop offset="1" stop-color="#7d828a"/></linearGradient></defs>
    ${scene}
    <path d="M330 ${base - 60} L380 ${base - 170} Q420 ${base - 200} 520 ${base - 205} L640 ${base - 300} Q700 ${base - 330} 900 ${base - 330} Q1010 ${base - 330} 1080 ${base - 215} L1240 ${base - 200} Q1300 ${base - 190} 1290 ${base - 60} Z" fill="#b3262d"/>
    <path d="M670 ${base - 290} Q720 ${base - 315} 890 ${base - 315} L900 ${base - 215} L610 ${base - 212} Z M920 ${base - 315} Q1000 ${base - 310} 1050 ${base - 218} L925 ${base - 215} Z" fill="#24303b"/>
    <circle cx="500" cy="${base - 55}" r="85" fill="#1b1b1b"/><circle cx="500" cy="${base - 55}" r="42" fill="#a9adb3"/>
    <circle cx="1110" cy="${base - 55}" r="85" fill="#1b1b1b"/><circle cx="1110" cy="${base - 55}" r="42" fill="#a9adb3"/>
    <rect x="1215" y="${base - 120}" width="70" height="24" fill="#fff" stroke="#1f3a93" stroke-width="4"/>
  </svg>`;
}

const images = new Map<string, Promise<Buffer>>();
function image(key: string, make: () => Promise<Buffer>) {
  if (!images.has(key)) images.set(key, make());
  return images.get(key)!;
}
const carImage = (width: number, height: number, studio: boolean) =>
  image(`car-${width}-${studio}`, () => sharp(Buffer.from(carSvg(width, Math.round(height), studio))).webp({ quality: 80 }).toBuffer());
const backdropThumb = (i: number) =>
  image(`backdrop-${i}`, () => sharp({ create: { width: 400, height: 225, channels: 3, background: { r: 40 + i * 25, g: 60 + i * 15, b: 90 + i * 10 } } }).webp().toBuffer());

const titleCase = (id: string) => id.replace('_', ' ').replace(/^./, (c) => c.toUpperCase());

/** Installs the stand-in on a page; the returned state is live (a test changes `balance`, `outcome`...). */
export async function fakeStudioApi(page: Page, options: { balance?: number; plates?: (string | null)[] } = {}): Promise<FakeStudioApi> {
  const plates = options.plates ?? ['AB-123-CD', 'AB-123-CD', null];
  const fake: FakeStudioApi = {
    balance: options.balance ?? 20,
    photos: plates.map((plate, i) => harnessPhoto(i + 1, plate)),
    studioBodies: [], estimates: [], photoListReads: 0, imageReads: [], nextFailure: null, outcome: {}, unknown: [],
  };
  await page.route('**/v1/**', (route) => answer(fake, route));
  return fake;
}

async function answer(fake: FakeStudioApi, route: Route) {
  const request = route.request();
  const url = new URL(request.url());
  const path = url.pathname;
  const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const webp = async (bytes: Promise<Buffer>) => route.fulfill({ status: 200, contentType: 'image/webp', body: await bytes });
  const fail = (f: ApiFailure) => json(f.status, { error: { code: f.code, message: f.message, details: f.details, requestId: 'req_harness' } });
  const backdrop = path.match(/^\/v1\/backdrops\/(\w+)\/thumb\.webp$/);
  const photoImage = path.match(/^\/v1\/photos\/(\w+)\/(web|thumb|studio|studio-thumb)\.webp$/);
  const studioRoute = request.method() === 'POST' ? path.match(/^\/v1\/(photos|albums)\/(\w+)\/studio$/) : null;

  if (path === `/v1/albums/${ALBUM_ID}`) {
    return json(200, { album: { id: ALBUM_ID, title: 'Peugeot 208', slug: 'peugeot-208' }, photoCounts: { ready: fake.photos.length } });
  }
  if (path === `/v1/albums/${ALBUM_ID}/photos`) {
    fake.photoListReads++;
    for (const p of fake.photos) advance(fake, p);
    return json(200, { photos: fake.photos, nextCursor: null });
  }
  if (path === '/v1/backdrops') {
    const backdrops: Backdrop[] = BACKDROP_IDS.map((id) => ({ id, name: titleCase(id), thumbUrl: `/v1/backdrops/${id}/thumb.webp` }));
    return json(200, { backdrops });
  }
  if (backdrop) return webp(backdropThumb(BACKDROP_IDS.indexOf(backdrop[1] as never)));
  if (path === '/v1/credits/estimate') {
    fake.estimates.push(url.search);
    const count = Number(url.searchParams.get('count'));
    const credits = count * PRICE;
    return json(200, { work: url.searchParams.get('work'), count, credits, balance: fake.balance, enough: fake.balance >= credits, missing: Math.max(0, credits - fake.balance) });
  }
  if (photoImage) {
    const kind = photoImage[2];
    if (kind === 'web' || kind === 'thumb') return webp(carImage(kind === 'web' ? 1600 : 400, kind === 'web' ? 1067 : 267, false));
    const authorization = request.headers().authorization ?? null;
    fake.imageReads.push({ path: `${path}${url.search}`, authorization });
    if (authorization !== `Bearer ${SESSION.token}`) return fail({ status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' });
    return webp(carImage(kind === 'studio' ? 1600 : 400, kind === 'studio' ? 900 : 225, true));
  }
  if (studioRoute) {
    const [, scope, id] = studioRoute;
    const body = request.postDataJSON() as StudioRequest;
    fake.studioBodies.push({ path, body });
    if (fake.nextFailure) {
      const failure = fake.nextFailure;
      fake.nextFailure = null;
      return fail(failure);
    }
    const targets = scope === 'photos' ? fake.photos.filter((p) => p.id === id) : fake.photos.filter((p) => p.status === 'ready');
    if (fake.balance < targets.length * PRICE) {
      return fail({ status: 402, code: 'INSUFFICIENT_CREDITS', message: `This costs ${PRICE} credit(s); buy credits or subscribe` });
    }
    fake.balance -= targets.length * PRICE;
    for (const p of targets) p.studio = queued(p.studio ?? null, { ...DEFAULTS, ...body });
    return scope === 'photos' ? json(202, { photo: targets[0] }) : json(202, { queued: targets.length, credits: targets.length * PRICE });
  }
  fake.unknown.push(`${request.method()} ${path}`);
  return fail({ status: 404, code: 'NOT_FOUND', message: `The harness has no ${path}` });
}

/** Asking again keeps the last image until the new one is made. */
const queued = (last: PhotoStudio | null, options: StudioOptions): PhotoStudio => ({
  status: 'queued', options, doubtful: false, reasons: [], note: null, url: last?.url ?? null, thumbUrl: last?.thumbUrl ?? null,
});

function advance(fake: FakeStudioApi, photo: StudioPhoto) {
  const studio = photo.studio;
  if (!studio || studio.status === 'done' || studio.status === 'failed') return;
  if (studio.status === 'queued') {
    studio.status = 'running';
    return;
  }
  const outcome = fake.outcome[photo.id] ?? 'done';
  if (outcome === 'failed') {
    fake.balance += PRICE;
    Object.assign(studio, { status: 'failed', note: 'The cutout failed (no car found in the photo); its credits were refunded' });
    return;
  }
  const version = Number(studio.url?.split('v=')[1] ?? 0) + 1;
  Object.assign(studio, {
    status: 'done',
    doubtful: outcome === 'doubtful',
    reasons: outcome === 'doubtful' ? ['The cutout touches the edge of the photo'] : [],
    url: `/v1/photos/${photo.id}/studio.webp?v=${version}`,
    thumbUrl: `/v1/photos/${photo.id}/studio-thumb.webp?v=${version}`,
  });
}
