/**
 * Workers AI as the text reader: a vision LLM asked for every text in the image as JSON.
 * It gives no boxes, so review screens cannot highlight its reads. Needs an `[ai]` binding
 * (production only: Workers AI is not emulated locally) and, for Llama 3.2 Vision, accepting
 * Meta's licence once on the account.
 */
import type { TextRead, TextReader } from './types';
import { VisionUnavailableError } from './types';

export const WORKERS_AI_MODEL = '@cf/meta/llama-3.2-11b-vision-instruct';

/** The part of the AI binding this uses (typed here: the binding is absent from local config). */
export type AiRunner = { run(model: string, input: Record<string, unknown>): Promise<unknown> };

const PROMPT =
  'List every piece of text and every number visible in this photo (race bib numbers, licence plates, signs). ' +
  'Answer with JSON only, no prose: {"texts":[{"text":"...","confidence":0.0}]} where confidence is 0..1.';

/** Pulls `{texts:[...]}` out of a model answer, tolerating prose or code fences around it. */
export function parseModelTexts(answer: string): TextRead[] {
  const json = answer.slice(answer.indexOf('{'), answer.lastIndexOf('}') + 1);
  try {
    const parsed = JSON.parse(json) as { texts?: { text?: unknown; confidence?: unknown }[] };
    return (parsed.texts ?? [])
      .filter((t) => typeof t.text === 'string' && t.text.trim())
      .map((t) => ({ text: String(t.text).trim(), confidence: typeof t.confidence === 'number' ? t.confidence : 0.5, box: null }));
  } catch {
    return [];
  }
}

export function workersAiTextReader(ai: AiRunner): TextReader {
  return {
    source: 'ocr:workers-ai',
    async readText(image) {
      let result: unknown;
      try {
        result = await ai.run(WORKERS_AI_MODEL, { prompt: PROMPT, image: [...image], max_tokens: 512 });
      } catch (err) {
        throw new VisionUnavailableError(`Workers AI failed: ${(err as Error).message}`);
      }
      const answer = (result as { response?: string }).response ?? '';
      return { width: 0, height: 0, texts: parseModelTexts(answer) };
    },
  };
}
