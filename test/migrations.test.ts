import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signUp, makeAlbum } from './helpers/factories';

const TABLES = ['users', 'workspaces', 'memberships', 'api_keys', 'albums', 'photos', 'audit_log'];

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
  return counts;
}

describe('migrations', () => {
  it('re-applying every migration over seeded data keeps every row', async () => {
    const { token } = await signUp();
    await makeAlbum(token);
    const before = await rowCounts();
    expect(before.users).toBeGreaterThan(0);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect(await rowCounts()).toEqual(before);
  });

  it('has applied every migration file', async () => {
    const applied = await env.DB.prepare('select name from d1_migrations order by id').all<{ name: string }>();
    expect(applied.results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });
});
