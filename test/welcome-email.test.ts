import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { PASSWORD, uniqueEmail } from './helpers/factories';

const register = (email: string, name = 'Marie') =>
  call('POST', '/v1/auth/register', { json: { email, password: PASSWORD, name, workspace: { name: `${name} Photo`, kind: 'events' } } });

/** The outbox rows for an address, with the key that says which user each welcomes. */
const outboxTo = async (email: string) =>
  (await env.DB.prepare('select template, dedupe_key as dedupeKey, html from email_outbox where "to" = ?').bind(email).all<{ template: string; dedupeKey: string; html: string }>()).results;

describe('the welcome email is written with the account, in one batch', () => {
  it('a registration writes exactly one welcome row, for that user, linking to PUBLIC_ORIGIN', async () => {
    const email = uniqueEmail();
    const res = await register(email);
    expect(res.status).toBe(201);
    const rows = await outboxTo(email);
    expect(rows).toEqual([expect.objectContaining({ template: 'welcome', dedupeKey: `welcome:${res.data.user.id}` })]);
    expect(rows[0]!.html).toContain(`href="${env.PUBLIC_ORIGIN}/verify-email?token=`);
  });

  it('a registration refused because the email is taken writes no email', async () => {
    const email = uniqueEmail();
    expect((await register(email)).status).toBe(201);
    const again = await register(email, 'Impostor');
    expect(again.status).toBe(409);
    expect(again.data.error.code).toBe('EMAIL_TAKEN');
    expect(await outboxTo(email)).toHaveLength(1); // the first account's, nothing for the refused one
  });

  it('two sign-ups racing for one email: one account, one welcome email (the loser\'s batch rolls back whole)', async () => {
    const email = uniqueEmail();
    const answers = await Promise.all([register(email, 'First'), register(email, 'Second')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const winner = answers.find((a) => a.status === 201)!;
    expect(await outboxTo(email)).toEqual([expect.objectContaining({ dedupeKey: `welcome:${winner.data.user.id}` })]);
    const users = await env.DB.prepare('select count(*) as n from users where email = ?').bind(email).first<{ n: number }>();
    expect(users!.n).toBe(1);
  });
});
