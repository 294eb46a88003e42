import { z } from 'zod';
import { CUTOUT_PROVIDERS, TEXT_PROVIDERS, type CutoutProvider, type TextProvider } from '../integrations/vision/names';
import { AppError } from './errors';

/** Scheme, host and port only: what links are built on (`${origin}/albums/...`), so no path and no trailing slash. */
const origin = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .refine((v) => !URL.canParse(v) || new URL(v).origin === v, 'must be an origin such as https://vitrine.example (no path, no trailing slash)');

const oneOf = <T extends readonly [string, ...string[]]>(names: T) =>
  z.enum(names, { error: (issue) => `unknown provider ${JSON.stringify(issue.input)}: expected one of ${names.join(', ')}` });

const configSchema = z
  .object({
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
    // Listing texts: the Workers AI REST API with an account and a token, else the template engine.
    WORKERS_AI_API_URL: z.union([z.literal(''), z.url()]).default(''),
    CF_ACCOUNT_ID: z.string().default(''),
    CF_API_TOKEN: z.string().default(''),
    EMAIL_FROM: z.string().default('Vitrine <no-reply@vitrine.dev>'),
    DEV_MAILBOX: z.string().default(''),
    DEV_MAILBOX_SECRET: z.union([z.literal(''), z.string().min(16, 'DEV_MAILBOX_SECRET must be at least 16 characters')]).default(''),
    // Every link in an email is built on it: the product's address as its users see it.
    PUBLIC_ORIGIN: origin,
    APP_ORIGINS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(origin)),
    VISION_URL: z.union([z.literal(''), z.url()]).default(''),
    VISION_SECRET: z.string().default(''),
    VISION_TEXT_PROVIDER: oneOf(TEXT_PROVIDERS).default('external'),
    VISION_CUTOUT_PROVIDER: oneOf(CUTOUT_PROVIDERS).default('external'),
    // Below a minute the cron would queue again photos whose job is still running (2 minutes at most).
    PIPELINE_STALE_AFTER_SECONDS: z.coerce.number().int().min(60).default(900),
    // At least a month: an order's download link lives 30 days and the buyer may write in after.
    GUEST_EMAIL_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
    AI: z.unknown().optional(),
  })
  .superRefine((e, ctx) => {
    const external = e.VISION_TEXT_PROVIDER === 'external' || e.VISION_CUTOUT_PROVIDER === 'external';
    if (external && !e.VISION_URL) ctx.addIssue({ code: 'custom', path: ['VISION_URL'], message: 'the external vision provider needs VISION_URL' });
    if (external && !e.VISION_SECRET) ctx.addIssue({ code: 'custom', path: ['VISION_SECRET'], message: 'the external vision provider needs VISION_SECRET' });
    if (e.VISION_TEXT_PROVIDER === 'workers-ai' && !e.AI) ctx.addIssue({ code: 'custom', path: ['AI'], message: 'VISION_TEXT_PROVIDER=workers-ai needs an [ai] binding named AI' });
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
  /**
   * The /dev/mail page (outbox viewer): `DEV_MAILBOX=on` in .dev.vars, never in production; null
   * when off. With `secret` (DEV_MAILBOX_SECRET, which `npm start` sets when it listens beyond
   * loopback) it asks for it: it shows every workspace's emails, buyers' download links included.
   */
  devMailbox: { secret: string | null } | null;
  /** `PUBLIC_ORIGIN`, e.g. `https://vitrine.example`: the base of every link sent out (emails). */
  publicOrigin: string;
  /** Origins allowed by CORS when the SPA is served elsewhere (Pages); empty = same origin only. */
  appOrigins: string[];
  /**
   * Who writes listing texts: Workers AI (REST) when CF_ACCOUNT_ID and CF_API_TOKEN are set, else the
   * template engine. `apiUrl` points at the local stand-in; empty WORKERS_AI_API_URL = api.cloudflare.com.
   */
  listing: { workersAi: { apiUrl: string; accountId: string; token: string } | null };
  /** Which engine reads text and which cuts out subjects; `url`/`secret` reach the external service. */
  vision: { textProvider: TextProvider; cutoutProvider: CutoutProvider; url: string; secret: string };
  /** The cron queues again a photo whose job was lost once it has not moved for `staleAfterMs`. */
  pipeline: { staleAfterMs: number };
  /** GDPR retention: how long a guest buyer's email stays on their order before the cron blanks it. */
  privacy: { guestEmailMonths: number };
};

/** A deployment whose vars or secrets do not hold: `problems` names each variable (logged, never sent to clients). */
export class ConfigError extends AppError {
  constructor(readonly problems: Record<string, string[]>) {
    super('INTERNAL_ERROR', 'The server is misconfigured');
  }
}

const cache = new WeakMap<object, Config>();

/**
 * The validated configuration, read once per env object (per isolate); every entrypoint (fetch,
 * queue, scheduled) goes through it, so a bad deployment fails loudly with a logged reason, not halfway.
 */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    console.error(JSON.stringify({ config: problems }));
    throw new ConfigError(problems);
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
    listing: {
      workersAi:
        e.CF_ACCOUNT_ID && e.CF_API_TOKEN
          ? { apiUrl: (e.WORKERS_AI_API_URL || 'https://api.cloudflare.com/client/v4').replace(/\/$/, ''), accountId: e.CF_ACCOUNT_ID, token: e.CF_API_TOKEN }
          : null,
    },
    devMailbox: e.DEV_MAILBOX === 'on' ? { secret: e.DEV_MAILBOX_SECRET || null } : null,
    publicOrigin: e.PUBLIC_ORIGIN,
    appOrigins: e.APP_ORIGINS,
    vision: { textProvider: e.VISION_TEXT_PROVIDER, cutoutProvider: e.VISION_CUTOUT_PROVIDER, url: e.VISION_URL, secret: e.VISION_SECRET },
    pipeline: { staleAfterMs: e.PIPELINE_STALE_AFTER_SECONDS * 1000 },
    privacy: { guestEmailMonths: e.GUEST_EMAIL_RETENTION_MONTHS },
  };
  cache.set(env, config);
  return config;
}
