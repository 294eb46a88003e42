import { defineConfig } from 'drizzle-kit';

// Generates plain SQL files in migrations/ that `wrangler d1 migrations apply` runs.
export default defineConfig({
  dialect: 'sqlite',
  schema: './workers/db/schema/index.ts',
  out: './migrations',
});
