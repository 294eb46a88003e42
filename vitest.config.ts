import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Tests run inside workerd against real local D1/R2/Queues built from wrangler.toml.
export default defineConfig(async () => {
  const migrations = await readD1Migrations('migrations');
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: './workers/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          // An empty database of its own for the upgrade test (migrations over existing rows).
          d1Databases: { MIGRATION_TEST_DB: 'migration-test' },
          bindings: {
            TEST_MIGRATIONS: migrations,
            // Not the requests' origin (http://vitrine.test): links built on the request instead of PUBLIC_ORIGIN show up.
            PUBLIC_ORIGIN: 'https://vitrine.example',
            JWT_SECRET: 'test-jwt-secret-that-is-long-enough-000000',
            UPLOAD_SIGNING_SECRET: 'test-upload-secret-that-is-long-enough-0000',
            R2_ACCESS_KEY_ID: '',
            R2_SECRET_ACCESS_KEY: '',
            VISION_URL: inject('vision').url,
            VISION_SECRET: inject('vision').secret,
            STRIPE_SECRET_KEY: 'sk_test_vitrine_tests',
            STRIPE_WEBHOOK_SECRET: inject('stripe').webhookSecret,
            STRIPE_API_URL: inject('stripe').url,
            RESEND_API_KEY: 're_test_vitrine_tests',
            RESEND_API_URL: inject('resend').url,
            WORKERS_AI_API_URL: inject('workersAi').url,
            CF_ACCOUNT_ID: 'test-account',
            CF_API_TOKEN: 'cf_test_vitrine_tests',
            DEV_MAILBOX: 'on',
          },
        },
      })),
    ],
    test: {
      globalSetup: ['./test/fixtures/global-setup.ts', './test/fixtures/vision-service.ts', './test/fixtures/stand-ins.ts'],
      setupFiles: ['./test/helpers/apply-migrations.ts'],
      include: ['test/**/*.test.ts'],
      // Pipeline tests wait for the real queue consumer (batches are flushed every second).
      testTimeout: 30_000,
    },
  };
});
