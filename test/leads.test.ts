import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { makeAlbum, makeApiKey, signUp } from './helpers/factories';
import { vehicleIn } from './helpers/listed-vehicle';

type Dealer = Awaited<ReturnType<typeof signUp>>;
const visitor = { name: 'Camille Martin', email: 'camille@example.com', phone: '06 12 34 56 78', message: 'Bonjour, ce véhicule est-il toujours disponible ?' };
const contact = (slug: string, json: unknown, ip?: string) => call('POST', `/v1/public/vehicles/${slug}/leads`, { json, ip });
const leadsOf = (dealer: Dealer, query = '') => call('GET', `/v1/leads${query}`, { token: dealer.token });
const patch = (dealer: Dealer, id: string, json: unknown) => call('PATCH', `/v1/leads/${id}`, { token: dealer.token, json });
const fieldsOf = (res: { data: { error: { details?: { fields: { path: string }[] } } } }) => res.data.error.details?.fields.map((f) => f.path);
const count = async (sql: string, ...values: unknown[]) => (await env.DB.prepare(sql).bind(...values).first<{ n: number }>())!.n;

let dealer: Dealer;
beforeAll(async () => {
  dealer = await signUp('vehicles');
});

describe('POST /v1/public/vehicles/:slug/leads', () => {
  it('makes a lead and one email to the dealer, in the outbox with the visitor\'s words and a link to the leads screen', async () => {
    const album = await vehicleIn(dealer);
    const res = await contact(album.slug, visitor);
    expect(res.status).toBe(201);
    expect(res.data.lead.id).toMatch(/^led_/);
    const listed = (await leadsOf(dealer, `?albumId=${album.id}`)).data.leads;
    expect(listed).toEqual([
      expect.objectContaining({ id: res.data.lead.id, albumId: album.id, ...visitor, status: 'new', notes: null, remindOn: null, vehicle: { title: 'Peugeot 208 1.2 PureTech 100 Allure', slug: album.slug } }),
    ]);
    const emails = await env.DB.prepare('select `to`, template, subject, text from email_outbox where dedupe_key = ?').bind(`lead:${res.data.lead.id}`).all();
    expect(emails.results).toHaveLength(1);
    expect(emails.results[0]).toMatchObject({ to: dealer.email, template: 'lead_received', subject: 'New enquiry: Peugeot 208 1.2 PureTech 100 Allure' });
    const text = String(emails.results[0]!.text);
    for (const words of [visitor.name, visitor.email, visitor.phone, visitor.message, 'https://vitrine.example/leads']) expect(text).toContain(words);
    const mailbox = (await call('GET', '/dev/mail?format=json')).data.emails.filter((m: { to: string; template: string }) => m.to === dealer.email && m.template === 'lead_received');
    expect(mailbox.length).toBeGreaterThanOrEqual(1);
  });

  it('a filled honeypot answers 201 like a person, and nothing is stored or sent', async () => {
    const album = await vehicleIn(dealer);
    const res = await contact(album.slug, { ...visitor, website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.data.lead.id).toMatch(/^led_/);
    expect(await count('select count(*) as n from leads where album_id = ?', album.id)).toBe(0);
    expect(await count('select count(*) as n from email_outbox where dedupe_key = ?', `lead:${res.data.lead.id}`)).toBe(0);
  });

  it('refuses bad fields with a 400 naming each one, and stores nothing', async () => {
    const album = await vehicleIn(dealer);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ ...visitor, email: 'not-an-email' }, ['email']],
      [{ ...visitor, name: '   ' }, ['name']],
      [{ ...visitor, message: 'x'.repeat(2001) }, ['message']],
      [{ ...visitor, phone: 'call me maybe' }, ['phone']],
      [{ email: visitor.email }, ['name', 'message']],
    ];
    for (const [body, fields] of cases) {
      const res = await contact(album.slug, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect((await contact(album.slug, { ...visitor, phone: '' })).status).toBe(201);
    expect(await count('select count(*) as n from leads where album_id = ? and phone is null', album.id)).toBe(1);
    expect(await count('select count(*) as n from leads where album_id = ?', album.id)).toBe(1);
  });

  it('a draft is a 404, a sold vehicle a 409 VEHICLE_SOLD', async () => {
    const [draft, sold] = await Promise.all([vehicleIn(dealer, 'draft'), vehicleIn(dealer, 'sold')]);
    expect((await contact(draft.slug, visitor)).data.error.code).toBe('NOT_FOUND');
    const refused = await contact(sold.slug, visitor);
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe('VEHICLE_SOLD');
    expect(await count('select count(*) as n from leads where album_id in (?, ?)', draft.id, sold.id)).toBe(0);
  });

  it('an address past its budget gets 429 RATE_LIMITED; another address still gets through', async () => {
    const album = await vehicleIn(dealer);
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // Honeypot posts: they spend the budget like any other and leave no rows behind. The limiter
    // counts in fixed 60 s windows, so up to 30 tries reach the refusal even across a window's end.
    const statuses: number[] = [];
    for (let i = 0; i < 30 && statuses.at(-1) !== 429; i++) statuses.push((await contact(album.slug, { ...visitor, website: 'x' }, ip)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10);
    const refused = await contact(album.slug, visitor, ip);
    expect(refused.status).toBe(429);
    expect(refused.data.error.code).toBe('RATE_LIMITED');
    expect((await contact(album.slug, visitor)).status).toBe(201);
  });
});

describe('GET /v1/leads', () => {
  it('newest first, paginated, filtered by vehicle and status; with the vehicle title', async () => {
    const own = await signUp('vehicles');
    const [a, b] = [await vehicleIn(own), await vehicleIn(own)];
    const ids: string[] = [];
    for (const [album, name] of [[a, 'First'], [b, 'Second'], [a, 'Third']] as const) ids.push((await contact(album.slug, { ...visitor, name })).data.lead.id);
    await env.DB.prepare('update leads set created_at = created_at + (case id when ? then 0 when ? then 1 else 2 end) where id in (?, ?, ?)').bind(ids[0], ids[1], ...ids).run();

    const first = await leadsOf(own, '?limit=2');
    expect(first.data.leads.map((l: { name: string }) => l.name)).toEqual(['Third', 'Second']);
    const second = await leadsOf(own, `?limit=2&cursor=${first.data.nextCursor}`);
    expect(second.data).toMatchObject({ leads: [{ name: 'First' }], nextCursor: null });
    expect((await leadsOf(own, `?albumId=${a.id}`)).data.leads.map((l: { name: string }) => l.name)).toEqual(['Third', 'First']);

    await patch(own, ids[1]!, { status: 'visit' });
    expect((await leadsOf(own, '?status=visit')).data.leads.map((l: { id: string }) => l.id)).toEqual([ids[1]]);
    expect((await leadsOf(own, '?status=maybe')).status).toBe(400);
    expect((await leadsOf(own, '?cursor=garbage')).status).toBe(400);
  });

  it("another workspace sees none of them: its list is its own, this album's id is a 404", async () => {
    const album = await vehicleIn(dealer);
    await contact(album.slug, visitor);
    const other = await signUp('vehicles');
    expect((await leadsOf(other)).data.leads).toEqual([]);
    expect((await leadsOf(other, `?albumId=${album.id}`)).status).toBe(404);
    const events = await signUp('events');
    const race = await makeAlbum(events.token);
    expect((await leadsOf(events, `?albumId=${race.id}`)).data.error.code).toBe('WRONG_WORKSPACE_KIND');
  });

  it('API keys need leads:read (vehicles:read is not enough: leads hold people\'s contacts)', async () => {
    const vehiclesOnly = await makeApiKey(dealer.token, ['vehicles:read', 'vehicles:write']);
    expect((await call('GET', '/v1/leads', { token: vehiclesOnly.key })).data.error.code).toBe('INSUFFICIENT_SCOPE');
    const reader = await makeApiKey(dealer.token, ['leads:read']);
    expect((await call('GET', '/v1/leads', { token: reader.key })).status).toBe(200);
  });
});

describe('PATCH /v1/leads/:id', () => {
  it('changes only the fields given, clears with null, and is audited', async () => {
    const album = await vehicleIn(dealer);
    const { id } = (await contact(album.slug, visitor)).data.lead;
    const res = await patch(dealer, id, { status: 'contacted', notes: 'Called, visit Saturday', remindOn: '2026-06-13' });
    expect(res.status).toBe(200);
    expect(res.data.lead).toMatchObject({ id, ...visitor, status: 'contacted', notes: 'Called, visit Saturday', remindOn: '2026-06-13', vehicle: { slug: album.slug } });
    const cleared = await patch(dealer, id, { remindOn: null });
    expect(cleared.data.lead).toMatchObject({ status: 'contacted', notes: 'Called, visit Saturday', remindOn: null });
    expect((await leadsOf(dealer, `?albumId=${album.id}`)).data.leads[0]).toEqual(cleared.data.lead);
    const audit = await env.DB.prepare("select data from audit_log where action = 'lead.updated' and target_id = ? order by created_at").bind(id).all();
    expect(audit.results.map((r) => JSON.parse(String(r.data)))).toEqual([{ fields: ['status', 'notes', 'remindOn'], status: 'contacted' }, { fields: ['remindOn'], status: 'contacted' }]);
  });

  it('refuses bad fields with a 400 naming each one, changing nothing', async () => {
    const album = await vehicleIn(dealer);
    const { id } = (await contact(album.slug, visitor)).data.lead;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ status: 'maybe' }, ['status']],
      [{ notes: 'x'.repeat(2001) }, ['notes']],
      [{ remindOn: '13/06/2026' }, ['remindOn']],
      [{}, ['status']],
    ];
    for (const [body, fields] of cases) {
      const res = await patch(dealer, id, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect((await leadsOf(dealer, `?albumId=${album.id}`)).data.leads[0]).toMatchObject({ status: 'new', notes: null, remindOn: null });
  });

  it("another workspace's lead is a 404, and stays as it was", async () => {
    const album = await vehicleIn(dealer);
    const { id } = (await contact(album.slug, visitor)).data.lead;
    const other = await signUp('vehicles');
    const res = await patch(other, id, { status: 'lost' });
    expect(res.status).toBe(404);
    expect((await patch(other, 'led_aaaaaaaaaaaaaaaaaaaaaaaaaa', { status: 'lost' })).status).toBe(404);
    expect((await leadsOf(dealer, `?albumId=${album.id}`)).data.leads[0].status).toBe('new');
  });
});
