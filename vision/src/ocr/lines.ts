/**
 * Joins words the detector found as separate boxes but that sit side by side on one line (a plate
 * read as "AB" "123" "CD", a name next to a number) into one line with spaces, in reading order.
 */
import { bounds, type RotatedBox } from './geometry';

export type Word = { text: string; confidence: number; box: RotatedBox };
export type Line = { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number };

/** A gap wider than this many line heights starts a new line. */
const MAX_GAP = 0.8;

export function groupLines(words: Word[]): Line[] {
  const items = words
    .map((word) => ({ word, ...bounds(word.box), h: Math.min(word.box.h, word.box.w) }))
    .sort((a, b) => a.x0 - b.x0);
  const lines: { parts: typeof items; x1: number; y0: number; y1: number; h: number; tilted: boolean }[] = [];
  for (const item of items) {
    const tilted = Math.abs(item.word.box.u.y) > 0.25;
    const line = tilted
      ? undefined
      : lines.find((l) => {
          if (l.tilted) return false;
          const overlap = Math.min(l.y1, item.y1) - Math.max(l.y0, item.y0);
          const similar = Math.max(l.h, item.h) <= 1.5 * Math.min(l.h, item.h);
          const gap = item.x0 - l.x1;
          return similar && overlap >= 0.5 * Math.min(l.h, item.h) && gap <= MAX_GAP * Math.max(l.h, item.h);
        });
    if (line) {
      line.parts.push(item);
      line.x1 = Math.max(line.x1, item.x1);
      line.y0 = Math.min(line.y0, item.y0);
      line.y1 = Math.max(line.y1, item.y1);
    } else {
      lines.push({ parts: [item], x1: item.x1, y0: item.y0, y1: item.y1, h: item.h, tilted });
    }
  }
  return lines
    .map((line) => {
      const chars = line.parts.reduce((n, p) => n + p.word.text.length, 0);
      const confidence = line.parts.reduce((s, p) => s + p.word.confidence * p.word.text.length, 0) / Math.max(chars, 1);
      const x0 = Math.min(...line.parts.map((p) => p.x0));
      return { text: line.parts.map((p) => p.word.text).join(' '), confidence, x0, y0: line.y0, x1: line.x1, y1: line.y1 };
    })
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
