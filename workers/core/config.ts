import { z } from 'zod';
import { AppError } from './errors';

const configSchema = z.object({
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters'),
  JWT_ISSUER: z.string().min(1),
  JWT_AUDIENCE: z.string().min(1),
  UPLOAD_SIGNING_SECRET: z.string().min(32, 'UPLOAD_SIGNING_SECRET must be at least 32 characters'),
  UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600),
  R2_ACCOUNT_ID: z.string().default(''),
  R2_BUCKET_NAME: z.string().default(''),
  R2_ACCESS_KEY_ID: z.string().default(''),
  R2_SECRET_ACCESS_KEY: z.string().default(''),
  // Payments and email are optional: without keys those endpoints answer 503 and emails wait in the outbox.
  STRIPE_SECRET_KEY: z.string().default(''),
  STRIPE_WEBHOOK_SECRET: z.string().default(''),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().default(''),
  STRIPE_API_URL: z.union([z.literal(''), z.url()]).default(''),
  RESEND_API_KEY: z.string().default(''),
  RESEND_API_URL: z.union([z.literal(''), z.url()]).default(''),
  EMAIL_FROM: z.string().default('Vitrine <no-reply@vitrine.dev>'),
  DEV_MAILBOX: z.string().default(''),
});

export type Config = {
  jwt: { secret: string; issuer: string; audience: string };
  uploads: {
    signingSecret: string;
    ttlSeconds: number;
    /** Present when uploads are presigned against R2's S3 endpoint instead of the Worker route. */
    r2Presign: { accountId: string; bucket: string; accessKeyId: string; secretAccessKey: string } | null;
  };
  /** Null without STRIPE_SECRET_KEY. `apiUrl` points the SDK at the local stand-in; empty = api.stripe.com. */
  stripe: { secretKey: string; webhookSecrets: string[]; apiUrl: string } | null;
  /** Null without RESEND_API_KEY. `apiUrl` points the SDK at the local stand-in; empty = api.resend.com. */
  email: { apiKey: string; apiUrl: string; from: string } | null;
  /** The /dev/mail page (outbox viewer): `DEV_MAILBOX=on` in .dev.vars, never in production. */
  devMailbox: boolean;
};

const cache = new WeakMap<object, Config>();

/** The validated configuration, read once per isolate; a bad deployment fails loudly, not halfway. */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    console.error(JSON.stringify({ config: z.flattenError(parsed.error).fieldErrors }));
    throw new AppError('INTERNAL_ERROR', 'The server is misconfigured');
  }
  const e = parsed.data;
  const presign = e.R2_ACCESS_KEY_ID && e.R2_SECRET_ACCESS_KEY && e.R2_ACCOUNT_ID && e.R2_BUCKET_NAME;
  const config: Config = {
    jwt: { secret: e.JWT_SECRET, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    uploads: {
      signingSecret: e.UPLOAD_SIGNING_SECRET,
      ttlSeconds: e.UPLOAD_URL_TTL_SECONDS,
      r2Presign: presign
        ? {
            accountId: e.R2_ACCOUNT_ID,
            bucket: e.R2_BUCKET_NAME,
            accessKeyId: e.R2_ACCESS_KEY_ID,
            secretAccessKey: e.R2_SECRET_ACCESS_KEY,
          }
        : null,
    },
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          // Stripe signs events of connected accounts (account.updated) with the Connect endpoint's own secret.
          webhookSecrets: [e.STRIPE_WEBHOOK_SECRET, e.STRIPE_CONNECT_WEBHOOK_SECRET].filter(Boolean),
          apiUrl: e.STRIPE_API_URL,
        }
      : null,
    email: e.RESEND_API_KEY ? { apiKey: e.RESEND_API_KEY, apiUrl: e.RESEND_API_URL, from: e.EMAIL_FROM } : null,
    devMailbox: e.DEV_MAILBOX === 'on',
  };
  cache.set(env, config);
  return config;
}
