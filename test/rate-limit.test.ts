import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';
import { freshLimiterWindow } from './helpers/wait';

/** A guest checkout on an album that does not exist: it spends the address's budget, then 404s. */
const checkout = (ip: string, headers: Record<string, string> = {}) =>
  call('POST', '/v1/public/albums/no-such-album/checkout', { ip, headers, json: { email: 'guest@example.com', items: [{ packId: 'pck_x' }] } });

const random = () => Math.floor(Math.random() * 250);
const hex = () => Math.floor(Math.random() * 0xffff).toString(16);

/** Ten checkouts, then the eleventh: what each answered. */
async function spend(addresses: (i: number) => string, headers?: (i: number) => Record<string, string>) {
  const statuses: number[] = [];
  await freshLimiterWindow();
  for (let i = 0; i < 11; i++) statuses.push((await checkout(addresses(i), headers?.(i))).status);
  return statuses;
}

describe('per-address budgets (guest checkout, 10 a minute)', () => {
  it('two visitors have their own budgets: one at its limit does not block the other', async () => {
    const [a, b] = [`10.251.${random()}.${random()}`, `10.252.${random()}.${random()}`];
    const statuses = await spend(() => a);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    expect((await checkout(b)).status).toBe(404);
  });

  it('X-Forwarded-For buys no fresh budget: only the address Cloudflare reports counts', async () => {
    const ip = `10.253.${random()}.${random()}`;
    const statuses = await spend(() => ip, (i) => ({ 'X-Forwarded-For': `203.0.113.${i}` }));
    expect(statuses[10]).toBe(429);
  });

  it('an IPv6 visitor counts by its /64: walking through its own addresses does not reset the budget', async () => {
    const prefix = `2001:db8:${hex()}:${hex()}`;
    const statuses = await spend((i) => (i === 3 ? `${prefix}::1` : `${prefix}:${hex()}:${hex()}:0:${i + 1}`));
    expect(statuses[10]).toBe(429);
    expect((await checkout(`2001:db8:${hex()}:${hex()}::1`)).status).toBe(404); // another line, another budget
  });
});
