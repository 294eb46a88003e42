/**
 * Issue 12's "Done when", as a new dealer would go through it in Chromium on the real stack:
 * sign up (kind vehicles), add a vehicle, upload 6 generated car photos through the Photos tab,
 * the plate read from them in the record, a backdrop applied to all photos (its cost shown first)
 * with the before/after, the record filled with its explained estimate, the listing written and
 * saved, published, in the feed with studio photos that load, its public page for a visitor, whose
 * message becomes an email to the dealer and a lead on the vehicle's Leads tab.
 * The studio runs while the dealer fills the record and the listing, as a dealer would let it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { carPhotos } from '../scripts/lib/car-photo';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { confirmEmailThroughUi, uniqueEmail } from './lib/flows';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const PLATE = 'GH-517-PX';
const PHOTOS = 6;
/** Vision work on 6 photos (reading, then cutouts) on a loaded 2-core machine. */
const VISION_TIMEOUT = 240_000;

/** Each step's time, printed at the end: where the minutes of the flow go. */
const steps: [string, number][] = [];
let last = Date.now();
function step(name: string) {
  const now = Date.now();
  steps.push([name, now - last]);
  last = now;
}

async function shot(page: Page, name: string) {
  await screenshot(page, `dealer-flow-${name}`);
}

test('a new dealer goes from 6 car photos to a published, priced listing with studio photos, in the feed, and a visitor becomes a lead', { timeout: 600_000 }, () =>
  withFailureShots(env, async () => {
    const origin = env.stack.origin;
    const email = uniqueEmail('dealer-flow');
    const files = await carPhotos(PHOTOS, { plate: PLATE });
    const context = await newContext(env.browser, origin, DESKTOP);
    const page = await context.newPage();
    last = Date.now();

    // Sign up as a dealer, add a vehicle.
    await page.goto('/register');
    await page.getByLabel('Your name').fill('Sacha Martin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByLabel('Business name').fill('Garage des Lilas');
    await page.getByLabel('What you shoot').selectOption('vehicles');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'No vehicles yet' }).waitFor();
    await confirmEmailThroughUi(page, email);
    await page.getByRole('heading', { name: 'No vehicles yet' }).waitFor();
    await page.getByRole('button', { name: 'Add a vehicle' }).click();
    const add = page.getByRole('dialog', { name: 'Add a vehicle' });
    await add.getByLabel('Make').fill('Renault');
    await add.getByLabel('Model').fill('Clio');
    await add.getByRole('button', { name: 'Add vehicle' }).click();
    await page.waitForURL(/\/albums\/alb_\w+\/photos$/);
    const albumId = page.url().split('/albums/')[1]!.split('/')[0]!;
    await page.getByRole('heading', { name: 'Add photos of the vehicle' }).waitFor();
    await shot(page, '1-new-vehicle');
    step('sign up and add a vehicle');

    // Upload 6 photos through the Photos tab's uploader; wait until all are processed and read.
    await page.getByLabel('Choose photos').setInputFiles(files);
    await page.getByText(new RegExp(`^${PHOTOS} photos: ${PHOTOS} uploaded$`)).waitFor({ timeout: 120_000 });
    await shot(page, '2-uploaded');
    const tiles = page.getByRole('region', { name: `Photos (${PHOTOS})` }).getByRole('button', { name: /— ready/ });
    await page.waitForFunction(`document.querySelectorAll('button[data-status="ready"][aria-label*="— plate"]').length === ${PHOTOS}`, null, { timeout: VISION_TIMEOUT, polling: 1000 });
    assert.equal(await tiles.count(), PHOTOS);
    const read = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')?.split('— plate ')[1]));
    assert.deepEqual(read, Array(PHOTOS).fill(PLATE), 'the plate read on every photo');
    step('upload and process 6 photos, plates read');

    // Studio: the cost first, then one look applied to all photos.
    const cost = page.getByTestId('studio-cost');
    await cost.getByText(`all ${PHOTOS} photos: ${PHOTOS * 3} credits`).waitFor();
    assert.match((await cost.textContent()) ?? '', /3 credits a photo.*Your balance: \d+ credits/);
    await page.getByRole('radio', { name: 'Modern garage', exact: true }).check({ force: true });
    await shot(page, '3-studio-cost');
    await page.getByRole('button', { name: `Apply to all ${PHOTOS} photos` }).click();
    await page.getByText(`${PHOTOS} photos are on the way to the studio (${PHOTOS * 3} credits reserved).`).waitFor();
    step('studio asked (cost shown first)');

    // Details while the studio works: the plate read from the photos, the rest typed, the estimate.
    await page.getByRole('navigation', { name: 'Vehicle' }).getByRole('link', { name: 'Details' }).click();
    const form = page.locator('form');
    await form.getByTestId('plate-read').getByText('Read from the photos').waitFor();
    assert.equal(await form.getByLabel('Plate').inputValue(), PLATE);
    assert.equal(await form.getByLabel('Make').inputValue(), 'Renault');
    await form.getByLabel('Version').fill('1.0 TCe 90 Intens');
    await form.getByLabel('Year').fill('2020');
    await form.getByLabel('First registration').fill('2020-06-12');
    await form.getByLabel('Mileage (km)').fill('38500');
    await form.getByLabel('Fuel').selectOption('petrol');
    await form.getByLabel('Gearbox').selectOption('manual');
    await form.getByLabel('Power (hp)').fill('90');
    await form.getByLabel('Colour').fill('Gris Titanium');
    await form.getByLabel('Doors').fill('5');
    await form.getByLabel('Seats').fill('5');
    await form.getByLabel('Condition').selectOption('excellent');
    for (const item of ['GPS', 'Caméra de recul', 'Régulateur de vitesse']) {
      await page.getByLabel('New equipment').fill(item);
      await page.getByLabel('New equipment').press('Enter');
    }
    await form.getByLabel('Asking price (€)').fill('12900');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    assert.equal(await form.getByLabel('Plate').inputValue(), PLATE, 'the read plate is kept on save');
    await page.getByRole('button', { name: 'Estimate the price' }).click();
    const factors = page.getByRole('table', { name: 'How the estimate is made' });
    await factors.waitFor();
    const rows = await factors.locator('tbody tr').allInnerTexts();
    for (const name of ['Base value', 'Age', 'Mileage', 'Gearbox', 'Condition']) assert.ok(rows.some((r) => r.startsWith(name)), `factor ${name} in ${rows.join(' | ')}`);
    assert.ok(rows.every((r) => /€/.test(r)), 'every factor in euros');
    await shot(page, '4-details-estimate');
    step('details filled, saved, estimated');

    // The listing, written from the record, saved.
    await page.getByRole('navigation', { name: 'Vehicle' }).getByRole('link', { name: 'Listing' }).click();
    await page.getByRole('button', { name: 'Write the listing' }).click();
    await page.getByText('A new listing is ready').waitFor();
    const title = await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue();
    const text = await page.getByRole('textbox', { name: 'Text', exact: true }).inputValue();
    assert.match(title, /Renault Clio/);
    assert.match(text, /GPS/);
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill(`${text}\n\nReprise possible, garantie 12 mois.`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Listing saved.' }).waitFor();
    await shot(page, '5-listing');
    step('listing written and saved');

    // Back to the Photos tab: every studio image made, the before/after with its image loaded.
    await page.getByRole('navigation', { name: 'Vehicle' }).getByRole('link', { name: 'Photos' }).click();
    await page.waitForFunction(`document.querySelectorAll('label[data-studio="done"]').length === ${PHOTOS}`, null, { timeout: VISION_TIMEOUT, polling: 1000 });
    const strip = page.getByRole('group', { name: 'Photo shown before and after' });
    const states = await strip.getByRole('radio').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(states.every((s) => s?.endsWith(': studio image ready')), `studio states: ${states.join(' | ')}`);
    const after = page.getByRole('img', { name: /in the studio$/ });
    await after.waitFor();
    const studioImage = `[...document.images].find((i) => i.alt.endsWith(' in the studio'))`;
    await page.waitForFunction(`${studioImage}?.complete && ${studioImage}.naturalWidth > 0`);
    assert.equal(await page.evaluate(`${studioImage}.naturalWidth`), 1600, 'the studio image is loaded, 1600 px wide');
    await page.getByRole('img', { name: /as taken$/ }).waitFor();
    await page.getByText('Studio image ready. Drag the handle to compare.').waitFor();
    await page.evaluate(`${studioImage}.closest('figure').scrollIntoView({ block: 'center' })`);
    await shot(page, '6-studio-before-after');
    // The split moved all the way: the whole studio image.
    await page.getByRole('slider', { name: /Before and after/ }).fill('0');
    await shot(page, '7-studio-after');
    step('studio images done, before/after');

    // Publish; the feed lists it with studio photos that load.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('vehicle-status').filter({ hasText: 'Published' }).waitFor();
    const slug = ((await page.getByRole('link', { name: 'Public page' }).getAttribute('href')) ?? '').replace(/^\/v\//, '');
    assert.match(slug, /^renault-clio/);
    const token = await page.evaluate<string | undefined>(`JSON.parse(localStorage.getItem('vitrine.session') ?? '{}').token`);
    assert.ok(token, 'a session token');
    const feed = await fetch(new URL('/v1/vehicles/feed.xml', origin), { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(feed.status, 200);
    const xml = await feed.text();
    assert.match(xml, new RegExp(`<vehicle id="${albumId}">`));
    for (const part of ['<brand>Renault</brand>', '<model>Clio</model>', '<price>12900</price>', '<mileage>38500</mileage>']) assert.ok(xml.includes(part), `${part} in the feed`);
    const urls = [...xml.matchAll(/<photo>([^<]+)<\/photo>/g)].map((m) => m[1]!);
    assert.equal(urls.length, PHOTOS, 'every studio photo in the feed');
    for (const url of urls) {
      assert.match(url, /\/v1\/public\/studio\//);
      const res = await fetch(url);
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), 'image/webp', url);
      assert.ok((await res.arrayBuffer()).byteLength > 10_000, `${url} is an image`);
    }
    step('published, feed checked');

    // A visitor on a phone: the studio photos, the price, the specs; the contact form.
    const visitor = await newContext(env.browser, origin, PHONE);
    const ad = await visitor.newPage();
    await ad.goto(`/v/${slug}`);
    await ad.getByRole('heading', { level: 1, name: /Renault Clio/ }).waitFor();
    await ad.getByText('12 900 €').first().waitFor();
    for (const fact of ['38 500 km', 'Essence', 'Manuelle', '90 ch', 'Caméra de recul', 'Garage des Lilas', 'garantie 12 mois']) await ad.getByText(fact).first().waitFor();
    assert.equal(await ad.getByText(PLATE).count(), 0, 'no plate on the public page');
    await ad.getByRole('img', { name: new RegExp(`Photo 1 sur ${PHOTOS}`) }).waitFor();
    await ad.waitForFunction(`(() => { const i = document.querySelector('main section img'); return i?.complete && i.naturalWidth > 0 && i.src.includes('/v1/public/studio/'); })()`);
    await shot(ad, '8-public-page');
    await ad.getByRole('link', { name: 'Contacter le vendeur' }).click();
    const contact = ad.getByRole('form', { name: 'Contacter le vendeur' });
    await contact.getByLabel('Votre nom').fill('Camille Durand');
    await contact.getByLabel('Votre e-mail').fill('camille.durand@example.com');
    await contact.getByLabel('Téléphone (facultatif)').fill('06 11 22 33 44');
    await contact.getByLabel('Message').fill('Bonjour, la Clio est-elle visible samedi matin ?');
    await contact.getByRole('button', { name: 'Envoyer' }).click();
    await ad.getByRole('status').getByText('Message envoyé').waitFor();
    await shot(ad, '9-contact-sent');
    await visitor.close();
    step('visitor: public page, contact form');

    // The dealer's email, and the lead on the vehicle's Leads tab.
    const mailbox = (await (await fetch(new URL('/dev/mail?format=json', origin))).json()) as { emails: { to: string; template: string; subject: string }[] };
    const mail = mailbox.emails.find((m) => m.to === email && m.template === 'lead_received');
    assert.ok(mail, `no lead email for ${email}`);
    assert.match(mail.subject, /Renault Clio/);
    await page.getByRole('navigation', { name: 'Vehicle' }).getByRole('link', { name: 'Leads' }).click();
    const lead = page.getByRole('listitem', { name: 'Lead from Camille Durand' });
    await lead.getByText('Bonjour, la Clio est-elle visible samedi matin ?').waitFor();
    await lead.getByRole('link', { name: 'camille.durand@example.com' }).waitFor();
    await shot(page, '10-lead');
    step('lead email and Leads tab');
    await context.close();
    console.log(steps.map(([name, ms]) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`).join('\n'));
  }),
);
