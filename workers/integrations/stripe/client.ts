import Stripe from 'stripe';
import type { Config } from '../../core/config';

/**
 * The Stripe SDK on Workers: fetch for HTTP and WebCrypto for webhook signatures. With
 * `apiUrl` (locally: the stand-in in scripts/stand-ins/stripe) only the base URL changes;
 * every request is the one production sends to api.stripe.com.
 */
export function stripeClient(config: NonNullable<Config['stripe']>): Stripe {
  const base = config.apiUrl ? new URL(config.apiUrl) : null;
  return new Stripe(config.secretKey, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 2,
    ...(base && { host: base.hostname, port: base.port || undefined, protocol: base.protocol === 'http:' ? 'http' : 'https' }),
  });
}

/** Signature checks use WebCrypto (the default Node crypto provider does not exist on Workers). */
export const webCryptoProvider = Stripe.createSubtleCryptoProvider();

export type { Stripe };
