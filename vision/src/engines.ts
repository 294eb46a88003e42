import { IsnetCutoutEngine, type CutoutEngine } from './cutout';
import { PaddleTextEngine, type TextEngine } from './ocr';

export type Engines = { text: TextEngine; cutout: CutoutEngine };

export type EngineOptions = {
  /** The OCR detector's input long edge: lower is faster, higher finds smaller text. */
  detectLongEdge?: number;
};

/** Loads the reference engines from the installed packages, once, at start. */
export async function loadEngines(options: EngineOptions = {}): Promise<Engines> {
  const ocr = options.detectLongEdge ? { detectLongEdge: options.detectLongEdge } : {};
  const [text, cutout] = await Promise.all([PaddleTextEngine.load(ocr), IsnetCutoutEngine.load()]);
  return { text, cutout };
}
