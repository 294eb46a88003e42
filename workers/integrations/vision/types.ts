/** One piece of text a reader found, with its box in the pixels of the image it was sent. */
export type TextRead = { text: string; confidence: number; box: { x: number; y: number; w: number; h: number } | null };

/**
 * A plate the service picked itself (vision/src/plates/: region formats with letter/digit repair,
 * the main car's plate first, a second look at a crop); `format` is `FR-SIV`, `US-CA`... or `UNKNOWN`.
 */
export type PlateRead = { text: string; normalized: string; format: string; region: string; confidence: number; box: TextRead['box'] };

/** `plates`, best first, only from a service that reads plates itself (the Workers AI reader does not). */
export type TextReading = { width: number; height: number; texts: TextRead[]; plates?: PlateRead[] };

/** Reads every text in an image (not one best guess): the rules downstream choose. */
export interface TextReader {
  readonly source: string;
  readText(image: Uint8Array, contentType: string): Promise<TextReading>;
}

export type CutoutResult = {
  /** RGBA PNG: alpha is the subject mask. */
  png: Uint8Array;
  /** Fraction of the image the subject covers, and whether it runs into the edges. */
  subjectArea: number;
  touchesBorder: boolean;
};

export interface Cutout {
  readonly source: string;
  cutout(image: Uint8Array, contentType: string): Promise<CutoutResult>;
}

/** The vision service could not be reached or failed: worth retrying later. */
export class VisionUnavailableError extends Error {}

/** The service is up but its queue is full: it said when to come back (its Retry-After). */
export class VisionBusyError extends VisionUnavailableError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
