/**
 * The vehicle Photos tab (issue 12) against a stand-in of the studio contract, in Chromium: the
 * backdrop picker, sliders and toggles reach the API as the contract's body, the cost and balance
 * show before anything starts, progress is polled every ~2 s and no more once done, the studio
 * image is fetched with the session and compared before/after (drag or keys), a doubtful cutout
 * and a failure are explained, 402 and 400 are answered in words. No Worker: the screen runs in a
 * harness (e2e/lib/component-harness.ts) because the studio routes land on another branch (the
 * whole dealer flow on the real stack is issue 12's own browser test).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, screenshot } from './lib/browser';
import { startHarness } from './lib/component-harness';
import { ALBUM_ID, fakeStudioApi, SESSION } from './lib/studio-fake-api';

const env = {} as { harness: Awaited<ReturnType<typeof startHarness>>; browser: Browser };
before(async () => {
  env.harness = await startHarness({
    module: 'features/vehicles/photos-tab.tsx',
    component: 'PhotosTab',
    props: { albumId: ALBUM_ID },
    path: `/vehicles/${ALBUM_ID}`,
    session: SESSION,
  });
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.harness?.close();
});

async function openTab(options: Parameters<typeof fakeStudioApi>[1] = {}) {
  const context = await env.browser.newContext({ ...DESKTOP, baseURL: env.harness.origin });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const fake = await fakeStudioApi(page, options);
  await page.goto('/harness.html');
  await page.getByRole('heading', { name: 'Add photos of the vehicle' }).waitFor();
  return { page, fake, errors, close: () => context.close() };
}

const studio = (page: Page) => page.getByRole('region', { name: 'Studio options' });
const waitFor = async (what: string, check: () => boolean, timeout = 15_000) => {
  const deadline = Date.now() + timeout;
  while (!check()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

test('the tab opens on the uploader, 8 backdrops with the indoor showroom chosen, the plates, and the cost against the balance', async () => {
  const { page, fake, errors, close } = await openTab({ balance: 20 });
  const panel = studio(page);
  await panel.getByText('3 credits a photo').waitFor();
  assert.match(await panel.getByTestId('studio-cost').textContent() ?? '', /all 3 photos: 9 credits[\s\S]*Your balance: 20 credits/);
  assert.deepEqual(fake.estimates, ['?work=studio&count=3'], 'one estimate, for the ready photos');

  const backdrops = page.getByRole('group', { name: 'Backdrop' }).getByRole('radio');
  assert.equal(await backdrops.count(), 8);
  assert.ok(await page.getByRole('radio', { name: 'Showroom indoor' }).isChecked());
  // Their thumbnails load (public: no session header needed).
  await page.waitForFunction(`[...document.querySelectorAll('[name=backdrop] + img')].filter((i) => i.complete && i.naturalWidth === 400).length === 8`);
  assert.ok(await panel.getByRole('switch', { name: /Auto-centre/ }).isChecked());
  assert.ok(await panel.getByRole('switch', { name: /Shadow/ }).isChecked());
  assert.ok(!(await panel.getByRole('switch', { name: /Floor reflection/ }).isChecked()));
  assert.ok(await panel.getByRole('radio', { name: 'Keep' }).isChecked());

  await page.getByRole('button', { name: /car-1\.jpg — ready — plate AB-123-CD/ }).waitFor();
  await page.getByRole('button', { name: /car-3\.jpg — ready$/ }).waitFor();
  assert.equal(await page.getByText(/\b(bib|runner|start list|race)\b/i).count(), 0, 'no race words');
  await screenshot(page, 'photos-tab-harness-start');
  assert.deepEqual(fake.unknown, []);
  assert.deepEqual(errors, []);
  await close();
});

test('"Apply to this photo" sends the one-click defaults, shows progress, then the studio image before/after, fetched with the session; polling stops once done', async () => {
  const { page, fake, errors, close } = await openTab({ balance: 20 });
  const panel = studio(page);
  await panel.getByText('3 credits a photo').waitFor();
  await panel.getByRole('button', { name: 'Apply to this photo' }).click();
  await page.getByText(/Waiting for the studio…|Placing the car on the backdrop…/).first().waitFor();
  assert.deepEqual(fake.studioBodies, [
    { path: '/v1/photos/pho_harness_1/studio', body: { backdrop: 'showroom_indoor', scale: 1, positionX: 0.5, autoCentre: true, shadow: true, reflection: false, plate: 'keep' } },
  ], 'no positionY: the car stands on the backdrop floor');
  await page.getByRole('img', { name: 'car-1.jpg in the studio' }).waitFor();
  await page.getByText('Studio image ready').waitFor();
  const read = fake.imageReads.find((r) => r.path.startsWith('/v1/photos/pho_harness_1/studio.webp?v=1'));
  assert.equal(read?.authorization, `Bearer ${SESSION.token}`, 'the studio image is asked for with the session');
  await waitFor('the balance read again', () => fake.estimates.length >= 2);
  await panel.getByText('Your balance: 17 credits').waitFor();

  const reads = fake.photoListReads;
  await page.waitForTimeout(5000);
  assert.ok(fake.photoListReads - reads <= 1, `polling went on after the work was done (${fake.photoListReads - reads} reads in 5 s)`);
  await screenshot(page, 'photos-tab-harness-after');
  assert.deepEqual(errors, []);
  await close();
});

test('back on a vehicle made in the studio: its look is in the panel, and the before/after handle moves with the keyboard and by dragging', async () => {
  const { page, fake, close } = await openTab();
  const options = { backdrop: 'garage_luxury', scale: 1.3, positionX: 0.45, positionY: 0.8, autoCentre: true, shadow: true, reflection: true, plate: 'blur' } as const;
  fake.photos[0]!.studio = { status: 'done', options, doubtful: false, reasons: [], note: null, url: '/v1/photos/pho_harness_1/studio.webp?v=1', thumbUrl: '/v1/photos/pho_harness_1/studio-thumb.webp?v=1' };
  await page.reload();
  const slider = page.getByRole('slider', { name: /Before and after/ });
  await slider.waitFor({ state: 'attached' });
  assert.ok(await page.getByRole('radio', { name: 'Garage luxury' }).isChecked());
  assert.equal(await studio(page).getByRole('slider', { name: 'Size' }).inputValue(), '1.3');
  assert.ok(await studio(page).getByRole('switch', { name: /Floor reflection/ }).isChecked());
  assert.ok(await studio(page).getByRole('radio', { name: 'Blur' }).isChecked());
  const before = page.getByRole('img', { name: 'car-1.jpg as taken' });
  assert.equal(await slider.inputValue(), '50');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await slider.inputValue(), '52');
  await page.keyboard.press('Home');
  assert.equal(await slider.inputValue(), '0');
  assert.match((await before.getAttribute('style')) ?? '', /clip-path: inset\(0px 100% 0px 0px\)/, 'all after');
  await page.keyboard.press('End');
  assert.match((await before.getAttribute('style')) ?? '', /clip-path: inset\(0px 0% 0px 0px\)/, 'all before');

  const box = (await page.getByRole('img', { name: 'car-1.jpg in the studio' }).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.ok(Math.abs(Number(await slider.inputValue()) - 70) <= 1, `dragged to ${await slider.inputValue()}`);
  await close();
});

test('"Apply to all" sends the chosen look, shows the run\'s progress, then each photo\'s outcome: done, doubtful with its reasons, failed with its note', async () => {
  const { page, fake, errors, close } = await openTab({ balance: 20 });
  fake.outcome = { pho_harness_2: 'doubtful', pho_harness_3: 'failed' };
  const panel = studio(page);
  await panel.getByText('3 credits a photo').waitFor();
  await page.getByText('Studio black').click();
  const size = panel.getByRole('slider', { name: 'Size' });
  await size.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await panel.getByRole('slider', { name: 'Left – right' }).fill('0.4');
  await panel.getByRole('slider', { name: 'Height' }).fill('0.7');
  await panel.getByText('Floor reflection').click();
  await panel.getByText('Shadow', { exact: true }).click();
  await panel.getByText('Blur').click();
  await panel.getByRole('button', { name: 'Apply to all 3 photos' }).click();
  await panel.getByText('3 photos are on the way to the studio (9 credits reserved).').waitFor();
  assert.deepEqual(fake.studioBodies, [
    { path: `/v1/albums/${ALBUM_ID}/studio`, body: { backdrop: 'studio_black', scale: 1.2, positionX: 0.4, positionY: 0.7, autoCentre: true, shadow: false, reflection: true, plate: 'blur' } },
  ]);
  await page.getByRole('progressbar', { name: 'Studio progress' }).waitFor();
  assert.ok(await panel.getByRole('button', { name: 'Apply to all 3 photos' }).isDisabled(), 'no second run while one is under way');
  await page.getByText('Studio image ready').waitFor();
  await page.getByRole('progressbar', { name: 'Studio progress' }).waitFor({ state: 'detached' });

  await page.getByRole('radio', { name: 'car-2.jpg: studio image ready, check the cutout' }).check({ force: true });
  await page.getByText('Check the cutout before publishing').waitFor();
  await page.getByText('The cutout touches the edge of the photo').waitFor();
  await screenshot(page, 'photos-tab-harness-doubtful');
  await page.getByRole('radio', { name: 'car-3.jpg: the studio failed' }).check({ force: true });
  await page.getByText('The cutout failed (no car found in the photo); its credits were refunded').waitFor();
  await panel.getByText('Your balance: 14 credits').waitFor();
  assert.deepEqual(errors, []);
  await close();
});

test('402: "Not enough credits" with a way to /billing, nothing queued; 400: the field\'s message under its control', async () => {
  const { page, fake, close } = await openTab({ balance: 4 });
  const panel = studio(page);
  await panel.getByText('5 more credits needed to apply to all photos.').waitFor();
  await panel.getByRole('button', { name: 'Apply to all 3 photos' }).click();
  await panel.getByRole('alert').getByText('Not enough credits').waitFor();
  assert.equal(fake.photos.filter((p) => p.studio).length, 0);
  assert.equal(fake.balance, 4);

  fake.nextFailure = {
    status: 400, code: 'VALIDATION_ERROR', message: 'Add your logo in Settings before covering plates with it',
    details: { fields: [{ path: 'plate', message: 'Add your logo in Settings before covering plates with it' }] },
  };
  await panel.getByText('Dealer logo').click();
  await panel.getByRole('button', { name: 'Apply to this photo' }).click();
  await panel.getByRole('alert').getByText('Add your logo in Settings before covering plates with it').waitFor();
  assert.equal(await panel.getByRole('group', { name: 'Number plate' }).getByText('Add your logo in Settings before covering plates with it').count(), 1);

  fake.balance = 0;
  await panel.getByText('Keep').click();
  await panel.getByRole('button', { name: 'Apply to this photo' }).click();
  await panel.getByRole('link', { name: 'Buy credits' }).last().click();
  await page.getByRole('heading', { name: 'Left for /billing' }).waitFor();
  await close();
});
