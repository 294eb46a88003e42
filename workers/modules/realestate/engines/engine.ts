/**
 * One interface for every transformation engine (modules/realestate/jobs run them): pixels in,
 * pixels out. `classic` engines are image processing in the isolate; `generative` ones call an
 * image model through Workers AI's REST API (a local stand-in speaking the same wire format in
 * development and tests).
 */
import type { RoomType, StagingStyle, TransformationKind } from '../../../shared/enums';

/** RGBA, 8 bits a channel, row-major. */
export type Rgba = { data: Uint8Array; width: number; height: number };

export type TransformInput = {
  kind: TransformationKind;
  style: StagingStyle | null;
  roomType: RoomType | null;
  /** Same property and style -> same seed (see transformations.seed). */
  seed: number;
  image: Rgba;
};

export type TransformOutput = {
  image: Rgba;
  /** `classic` or the model id, recorded on the transformation. */
  engine: string;
};

export interface TransformEngine {
  run(input: TransformInput): Promise<TransformOutput>;
}
