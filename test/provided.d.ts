import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Generated test images, base64, by name (test/fixtures/generate.ts). */
    images: Record<string, string>;
    /** Where the test run's vision service listens, and its secret. */
    vision: { url: string; secret: string };
    /** A vision service whose queue is full (503 BUSY, `Retry-After: retryAfter`). */
    busyVision: { url: string; retryAfter: number };
    /** The Stripe stand-in (pull-mode webhooks) and the webhook signing secret the Worker checks. */
    stripe: { url: string; webhookSecret: string };
    /** The Resend stand-in. */
    resend: { url: string };
    /** The Workers AI stand-in (listing texts). */
    workersAi: { url: string };
  }
}
