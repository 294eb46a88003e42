/**
 * Greedy CTC decoding of the recogniser's [batch, steps, classes] softmax: best class per step,
 * repeats collapsed, blanks (class 0) dropped. The confidence is the mean probability of the kept
 * characters, as PaddleOCR reports it.
 */
export type DecodedLine = { text: string; confidence: number };

export function decodeCtc(probs: Float32Array, dims: readonly number[], dictionary: string[]): DecodedLine[] {
  const [batch, steps, classes] = dims as [number, number, number];
  const lines: DecodedLine[] = [];
  for (let n = 0; n < batch; n++) {
    let text = '';
    let sum = 0;
    let count = 0;
    let previous = -1;
    for (let t = 0; t < steps; t++) {
      const offset = (n * steps + t) * classes;
      let best = 0;
      let bestP = probs[offset]!;
      for (let c = 1; c < classes; c++) {
        const p = probs[offset + c]!;
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      if (best !== 0 && best !== previous) {
        text += dictionary[best - 1] ?? '';
        sum += bestP;
        count++;
      }
      previous = best;
    }
    lines.push({ text, confidence: count ? sum / count : 0 });
  }
  return lines;
}
