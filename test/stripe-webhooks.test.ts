import { describe, expect, it } from 'vitest';
import { call, testEnv } from './helpers/api';
import { postWebhook, stripeSignature } from './helpers/stripe';

const event = (type = 'customer.created') =>
  JSON.stringify({ id: `evt_${crypto.randomUUID().replace(/-/g, '')}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_x', object: 'customer' } }, api_version: '2026-10-28.endive', livemode: false });

describe('POST /v1/webhooks/stripe', () => {
  it('accepts a validly signed event once, then answers duplicates without applying them again', async () => {
    const payload = event();
    const first = await postWebhook(payload, await stripeSignature(payload));
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ received: true, duplicate: false });
    const again = await postWebhook(payload, await stripeSignature(payload));
    expect(again.data).toEqual({ received: true, duplicate: true });
  });

  it('refuses a wrong signature, a signature by another secret, a changed payload and a missing header', async () => {
    const payload = event();
    const signature = await stripeSignature(payload);
    const cases = [
      await postWebhook(payload, signature.replace(/v1=./, (m) => (m.endsWith('0') ? 'v1=1' : 'v1=0'))),
      await postWebhook(payload, await stripeSignature(payload, undefined, 'whsec_someone_else')),
      await postWebhook(payload.replace('customer.created', 'invoice.paid'), signature),
      await postWebhook(payload),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.data.error).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID', requestId: expect.any(String) });
    }
  });

  it('refuses a stale signature (replay older than five minutes)', async () => {
    const payload = event();
    const res = await postWebhook(payload, await stripeSignature(payload, Math.floor(Date.now() / 1000) - 600));
    expect(res.status).toBe(400);
    expect(res.data.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(res.data.error.message).toMatch(/tolerance/i);
  });

  it('accepts events signed with the Connect endpoint secret when one is configured', async () => {
    const payload = event('account.updated');
    const signature = await stripeSignature(payload, undefined, 'whsec_connect_endpoint');
    const env = { ...testEnv, STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect_endpoint' } as Env;
    const res = await call('POST', '/v1/webhooks/stripe', { body: payload, headers: { 'Stripe-Signature': signature }, env });
    expect(res.status).toBe(200);
  });
});
