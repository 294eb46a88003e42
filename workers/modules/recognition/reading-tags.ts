/**
 * Turns a reading into the tags stored for a photo: bibs for race photos, the plate for
 * vehicles. Shared by the recognise job and the plate endpoint.
 */
import type { Album, PhotoTag, WorkspaceKind } from '../../db/schema/index';
import { bibCandidates, DEFAULT_BIB_RULES } from './bibs';
import { platesOf } from './plates';
import type { TextReading } from '../../integrations/vision/types';

export type NewTag = Pick<PhotoTag, 'kind' | 'value' | 'rawText' | 'confidence' | 'box' | 'status'>;

/** Boxes as fractions of the image, so they fit any variant. */
export function relativeBox(reading: TextReading, box: { x: number; y: number; w: number; h: number } | null) {
  if (!box || !reading.width || !reading.height) return null;
  const r = (v: number, of: number) => Math.round((v / of) * 10_000) / 10_000;
  return { x: r(box.x, reading.width), y: r(box.y, reading.height), w: r(box.w, reading.width), h: r(box.h, reading.height) };
}

/** A plate is `sure` when it has a French format (validated) and a confident read. */
const SURE_PLATE_CONFIDENCE = 0.8;

export function tagsFromReading(kind: WorkspaceKind, reading: TextReading, album: Pick<Album, 'bibRules' | 'watermark'>, startList: Set<string> | null): NewTag[] {
  if (kind === 'events') {
    const bibs = bibCandidates(reading.texts, album.bibRules ?? DEFAULT_BIB_RULES, { watermark: album.watermark?.text, startList });
    return bibs.map((b) => ({
      kind: 'bib',
      value: b.value,
      rawText: b.rawText,
      confidence: b.confidence,
      box: relativeBox(reading, b.box),
      status: b.sure ? 'sure' : 'unsure',
    }));
  }
  if (kind === 'vehicles') {
    const [best] = platesOf(reading);
    if (!best) return [];
    const sure = best.format !== 'OTHER' && best.confidence >= SURE_PLATE_CONFIDENCE;
    return [{ kind: 'plate', value: best.plate, rawText: best.normalized, confidence: best.confidence, box: relativeBox(reading, best.box), status: sure ? 'sure' : 'unsure' }];
  }
  return [];
}
