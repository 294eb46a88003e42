import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const db = env.MIGRATION_TEST_DB;
const TABLES = ['users', 'workspaces', 'memberships', 'api_keys', 'albums', 'photos', 'audit_log'];

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await db.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())!.n;
  return counts;
}

/** Rows as the first schema knew them, written with plain SQL so later schema changes cannot help. */
async function seedFirstSchema() {
  await db.batch([
    db.prepare("insert into users (id, email, name, password_hash) values ('usr_1', 'a@b.c', 'A', 'x')"),
    db.prepare("insert into workspaces (id, name, kind) values ('wsp_1', 'W', 'events')"),
    db.prepare("insert into memberships (workspace_id, user_id, role) values ('wsp_1', 'usr_1', 'owner')"),
    db.prepare("insert into api_keys (id, workspace_id, name, prefix, hash, scopes) values ('key_1', 'wsp_1', 'k', 'vt_live_x', 'h', '[]')"),
    db.prepare("insert into albums (id, workspace_id, title, slug) values ('alb_1', 'wsp_1', 'T', 'slug-1')"),
    db.prepare(
      "insert into photos (id, album_id, workspace_id, original_name, declared_size, declared_type, original_key, status) values ('pho_1', 'alb_1', 'wsp_1', 'a.jpg', 10, 'image/jpeg', 'photos/pho_1/original', 'uploaded')",
    ),
    db.prepare("insert into audit_log (id, action) values ('aud_1', 'x')"),
  ]);
}

describe('migrations', () => {
  it('upgrade a database holding data without losing or changing a row', async () => {
    const [first, ...later] = env.TEST_MIGRATIONS;
    await applyD1Migrations(db, [first!]);
    await seedFirstSchema();
    const before = await rowCounts();
    await applyD1Migrations(db, [first!, ...later]);
    expect(await rowCounts()).toEqual(before);
    const photo = await db.prepare("select status, variants_version from photos where id = 'pho_1'").first();
    expect(photo).toEqual({ status: 'uploaded', variants_version: 0 });

    await applyD1Migrations(db, env.TEST_MIGRATIONS); // and re-applying is a no-op
    expect(await rowCounts()).toEqual(before);
  });

  it('has applied every migration file to the main database', async () => {
    const applied = await env.DB.prepare('select name from d1_migrations order by id').all<{ name: string }>();
    expect(applied.results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });
});
