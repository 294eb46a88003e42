/**
 * A car's public page and its contact form (issue 12): a dealer's published vehicle (a private
 * album, as dealers' are) opens at /v/:slug on a phone with its photos, price and key facts; a
 * visitor's message becomes a lead the dealer sees on the Leads screen and an email in the dealer's
 * mailbox. The vehicle is set up through the API (the dealer's screens have their own tests).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { photoJpeg } from '../test/fixtures/generate';
import { assertAccessible } from './lib/accessibility';
import { DESKTOP, newContext, PHONE, screenshot, withFailureShots } from './lib/browser';
import { uniqueEmail } from './lib/flows';
import { signIn } from '../scripts/lib/api-client';
import { stackApi, until } from './lib/api';
import { stackAndBrowser } from './lib/harness';

const env = stackAndBrowser();
const PASSWORD = 'correct-horse-battery';

const api = stackApi(() => env.stack.origin);

async function upload(token: string, albumId: string, bytes: Buffer) {
  const { uploads } = await api('POST', `/v1/albums/${albumId}/uploads`, token, { files: [{ name: 'car.jpg', size: bytes.byteLength, type: 'image/jpeg' }] });
  const put = await fetch(new URL(uploads[0].url, env.stack.origin), { method: 'PUT', body: bytes, headers: uploads[0].headers });
  assert.equal(put.status, 200);
  await api('POST', `/v1/photos/${uploads[0].photoId}/complete`, token);
  return uploads[0].photoId as string;
}

/** A dealer with a published Peugeot of three photos; returns how to sign in and the page's slug. */
async function publishedVehicle() {
  const email = uniqueEmail('dealer');
  const token = await signIn(env.stack.origin, { email, password: PASSWORD, name: 'Alex Garage', workspace: { name: 'Garage du Centre', kind: 'vehicles' } });
  const { album } = await api('POST', '/v1/albums', token, { title: 'Peugeot 208', visibility: 'private' });
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await upload(token, album.id, Buffer.from(await photoJpeg(1600, 1067, { seed: 700 + i }))));
  await until('the photos to be ready', async () => (await Promise.all(ids.map((id) => api('GET', `/v1/photos/${id}`, token)))).every((r) => r.photo.status === 'ready'), 90_000);
  const record = {
    make: 'Peugeot', model: '208', version: '1.2 PureTech 100 Allure', year: 2021, firstRegistration: '2021-03-15', mileageKm: 42_000, fuel: 'petrol',
    gearbox: 'manual', powerHp: 100, colour: 'Bleu Vertigo', doors: 5, seats: 5, condition: 'good', equipment: ['GPS', 'Caméra de recul'], askingPriceCents: 1_450_000,
  };
  await api('PUT', `/v1/albums/${album.id}/vehicle`, token, { ...record, status: 'published' });
  const sell = () => api('PUT', `/v1/albums/${album.id}/vehicle`, token, { ...record, status: 'sold', soldPriceCents: 1_400_000, soldAt: new Date().toISOString().slice(0, 10) });
  return { email, token, slug: album.slug as string, sell };
}

test('a visitor opens a published car on a phone, sends the contact form, and the dealer finds the lead', { timeout: 240_000 }, async () => {
  await withFailureShots(env, async () => {
    const dealer = await publishedVehicle();

    const phone = await newContext(env.browser, env.stack.origin, PHONE);
    const page = await phone.newPage();
    await page.goto(`/v/${dealer.slug}`);
    await page.getByRole('heading', { level: 1, name: 'Peugeot 208 1.2 PureTech 100 Allure' }).waitFor();
    assert.equal(await page.evaluate('document.documentElement.lang'), 'fr');
    await page.getByText('14 500 €').first().waitFor();
    for (const fact of ['42 000 km', 'Essence', 'Manuelle', '100 ch', 'Caméra de recul', 'Garage du Centre']) await page.getByText(fact).first().waitFor();
    assert.equal(await page.getByText('AB-123-CD').count(), 0);
    // The photos of a private album show, because the vehicle is published.
    await page.getByRole('img', { name: /Photo 1 sur 3/ }).waitFor();
    await page.waitForFunction(`(() => { const i = document.querySelector('main img'); return i.complete && i.naturalWidth > 0; })()`);
    await page.getByRole('button', { name: 'Photo suivante' }).click();
    await page.getByRole('img', { name: /Photo 2 sur 3/ }).waitFor();
    await assertAccessible(page, 'the public vehicle page');
    await screenshot(page, 'vehicle-public-phone');

    // Client-side checks first, in the page's language, and nothing sent.
    await page.getByRole('link', { name: 'Contacter le vendeur' }).click();
    const form = page.getByRole('form', { name: 'Contacter le vendeur' });
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await form.getByText('Indiquez votre nom.').waitFor();
    await form.getByText('Indiquez une adresse e-mail valide').waitFor();
    assert.equal(await form.getByLabel('Message').inputValue(), 'Bonjour, ce véhicule est-il toujours disponible ?');
    await form.getByLabel('Votre nom').fill('Camille Martin');
    await form.getByLabel('Votre e-mail').fill('camille@example.com');
    await form.getByLabel('Téléphone (facultatif)').fill('06 12 34 56 78');
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByRole('status').getByText('Message envoyé').waitFor();
    await screenshot(page, 'vehicle-public-sent');

    const { emails } = await api('GET', '/dev/mail?format=json');
    const mail = emails.find((m: { to: string; template: string }) => m.to === dealer.email && m.template === 'lead_received');
    assert.ok(mail, 'the dealer got no lead email');
    assert.match(mail.subject, /Peugeot 208/);

    const desk = await newContext(env.browser, env.stack.origin, DESKTOP);
    const pro = await desk.newPage();
    await pro.goto('/login');
    await pro.getByLabel('Email').fill(dealer.email);
    await pro.getByLabel('Password').fill(PASSWORD);
    await pro.getByRole('button', { name: 'Sign in' }).click();
    await pro.getByRole('link', { name: 'Leads' }).click();
    const lead = pro.getByRole('listitem', { name: 'Lead from Camille Martin' });
    await lead.getByText('Bonjour, ce véhicule est-il toujours disponible ?').waitFor();
    await lead.getByRole('link', { name: 'camille@example.com' }).waitFor();
    assert.equal(await lead.getByRole('link', { name: '06 12 34 56 78' }).getAttribute('href'), 'tel:0612345678');
    await lead.getByLabel('Stage').selectOption('contacted');
    await lead.getByLabel('Notes').fill('Rappelée, essai samedi');
    await lead.getByLabel('Remind me on').fill('2020-01-01');
    await lead.getByRole('button', { name: 'Save notes' }).click();
    await lead.getByText('Reminder overdue').waitFor();
    await assertAccessible(pro, 'the leads screen');
    await screenshot(pro, 'vehicle-leads');
    const { leads } = await api('GET', '/v1/leads', dealer.token);
    assert.deepEqual(leads.map((l: { status: string; notes: string; remindOn: string }) => [l.status, l.notes, l.remindOn]), [['contacted', 'Rappelée, essai samedi', '2020-01-01']]);

    // Sold: the page stays, marked sold, without the form (for a new visitor: the page's JSON is
    // cached 30 s); an unknown link says the ad is gone.
    await dealer.sell();
    const later = await (await newContext(env.browser, env.stack.origin, PHONE)).newPage();
    await later.goto(`/v/${dealer.slug}`);
    await later.getByText('Vendu', { exact: true }).first().waitFor();
    await later.getByText('Ce véhicule a été vendu').waitFor();
    assert.equal(await later.getByRole('form', { name: 'Contacter le vendeur' }).count(), 0);
    await later.goto('/v/no-such-car');
    await later.getByRole('heading', { name: 'Cette annonce n’existe pas ou n’est plus en ligne' }).waitFor();
    await later.context().close();
    await phone.close();
    await desk.close();
  });
});

