/**
 * The Workers AI engine, through Cloudflare's REST API (`POST {base}/accounts/{account}/ai/run/{model}`,
 * `Authorization: Bearer`, body `{ messages }`, answer `{ result: { response }, success, errors,
 * messages }`). The REST API rather than an `[ai]` binding so that locally the same code talks to
 * the stand-in in scripts/stand-ins/workers-ai.ts. The vehicle's facts travel as JSON inside
 * `<request>` tags: the model is told to use those facts only, and the stand-in reads them back.
 */
import { z } from 'zod';
import { type ListingBody, listingBody, type ListingTone } from '../../../shared/schemas/listing';
import type { ListingLang } from '../../../shared/enums';
import type { ListingFacts } from './facts';
import type { ListingWriter } from './writer';

export const LISTING_MODEL = '@cf/meta/llama-3.1-8b-instruct';
/** Past this the dealer waits too long for a draft; the templates answer instead. */
const TIMEOUT_MS = 20_000;

const SYSTEM = [
  'You write used-car classified ads for a car dealer, as published on LeBonCoin or La Centrale.',
  'Use only the facts in the JSON record: never invent options, history, warranty or maintenance.',
  'A fact that is absent or null is simply not mentioned.',
  'Never print the words null or undefined. Never mention a registration plate.',
  'Reply with one JSON object and nothing else: {"title": "...", "text": "..."}.',
  'title: at most 90 characters, make, model, version, year and mileage. text: 600 to 1500 characters, plain text with short paragraphs and "- " lists, ending with the price if given and an invitation to get in touch.',
].join('\n');

const TONES: Record<ListingTone, string> = {
  professional: 'professional and factual',
  friendly: 'warm and friendly, addressing the buyer directly',
  premium: 'upmarket and refined, without exaggeration',
};

/** The request the model reads; `<request>` holds everything the stand-in needs to answer. */
export function listingPrompt(facts: ListingFacts, lang: ListingLang, tone: ListingTone) {
  const language = lang === 'fr' ? 'French (France)' : 'English';
  const user = `Write the ad in ${language}, in a ${TONES[tone]} tone.\n<request>${JSON.stringify({ lang, tone, vehicle: facts })}</request>`;
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: user },
  ];
}

const envelope = z.object({
  success: z.literal(true),
  result: z.object({ response: z.union([z.string(), z.object({ title: z.string(), text: z.string() })]) }),
});

/** The listing inside the model's answer (it may wrap the JSON in prose or a code fence), or an error. */
export function parseListingAnswer(response: string | object): Pick<ListingBody, 'title' | 'text'> {
  let candidate: unknown = response;
  if (typeof response === 'string') {
    const start = response.indexOf('{');
    const end = response.lastIndexOf('}');
    if (start < 0 || end < start) throw new Error('the answer holds no JSON object');
    candidate = JSON.parse(response.slice(start, end + 1));
  }
  const listing = listingBody.pick({ title: true, text: true }).parse(candidate);
  if (/\b(null|undefined)\b/i.test(`${listing.title} ${listing.text}`)) throw new Error('the answer prints a missing field');
  return listing;
}

export function workersAiWriter(options: { apiUrl: string; accountId: string; token: string }): ListingWriter {
  return {
    engine: 'workers-ai',
    async write(facts, lang, tone) {
      const res = await fetch(`${options.apiUrl}/accounts/${encodeURIComponent(options.accountId)}/ai/run/${LISTING_MODEL}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ messages: listingPrompt(facts, lang, tone), max_tokens: 1024, temperature: 0.4 }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(`Workers AI answered ${res.status}: ${JSON.stringify((body as { errors?: unknown } | null)?.errors ?? null)}`);
      return parseListingAnswer(envelope.parse(body).result.response);
    },
  };
}
