/**
 * One interface, two engines: the template engine (local default, always available) and a Workers
 * AI text model (production, when the config names an account and a token). Whatever the AI does
 * wrong (unreachable, an error, an answer that is not a listing), the template engine writes
 * instead, and `engine` says which one did.
 */
import type { Config } from '../../../core/config';
import type { ListingLang } from '../../../shared/enums';
import type { ListingEngine, ListingTone } from '../../../shared/schemas/listing';
import type { ListingFacts } from './facts';
import { templateListing } from './template';
import { workersAiWriter } from './workers-ai';

export type WrittenListing = { title: string; text: string; lang: ListingLang; engine: ListingEngine };

export interface ListingWriter {
  readonly engine: ListingEngine;
  write(facts: ListingFacts, lang: ListingLang, tone: ListingTone): Promise<{ title: string; text: string }>;
}

export const templateWriter: ListingWriter = {
  engine: 'template',
  write: async (facts, lang, tone) => templateListing(facts, lang, tone),
};

/** The engine the deployment configured: Workers AI with an account and token, else the templates. */
export const listingWriter = (config: Config['listing']): ListingWriter => (config.workersAi ? workersAiWriter(config.workersAi) : templateWriter);

/** A listing from `writer`, or from the templates when it fails (logged: the dealer still gets a text). */
export async function writeListing(writer: ListingWriter, facts: ListingFacts, lang: ListingLang, tone: ListingTone): Promise<WrittenListing> {
  try {
    return { ...(await writer.write(facts, lang, tone)), lang, engine: writer.engine };
  } catch (err) {
    if (writer === templateWriter) throw err;
    console.warn(JSON.stringify({ listing: { engine: writer.engine, fallback: 'template', error: String(err) } }));
    return { ...(await templateWriter.write(facts, lang, tone)), lang, engine: templateWriter.engine };
  }
}
