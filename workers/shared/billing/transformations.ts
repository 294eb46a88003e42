/**
 * The real-estate transformation catalogue (`GET /v1/transformations`): what each does, what it
 * costs (the credit prices live in catalogue.ts, the one price list), which engine family runs it,
 * and the disclosure label stamped on the result when it adds or removes something.
 *
 * The labels follow the listing rules agents answer to: the US MLS rules require virtually staged
 * or altered photos to be disclosed as such, and in France a retouched photo that changes what is
 * sold is misleading advertising (Code de la consommation, art. L121-2) unless it says so.
 */
import { CREDIT_PRICES } from './catalogue';
import type { TransformationKind } from '../enums';

export type TransformationEntry = {
  name: string;
  description: string;
  credits: number;
  /** `classic`: image processing in the Worker; `generative`: an image model (Workers AI). */
  engine: 'classic' | 'generative';
  /** Needs a staging style (`stage`). */
  needsStyle: boolean;
  /** Stamped on the result (its public images and its download) when it adds or removes objects; null: a plain retouch. */
  label: { en: string; fr: string } | null;
};

const STAGED = { en: 'Virtually staged', fr: 'Photo retouchée' };

export const TRANSFORMATIONS: Record<TransformationKind, TransformationEntry> = {
  enhance: {
    name: 'Enhance', credits: CREDIT_PRICES.enhance, engine: 'classic', needsStyle: false, label: null,
    description: 'Exposure, white balance and contrast corrected, vertical lines straightened.',
  },
  sky: {
    name: 'Blue sky', credits: CREDIT_PRICES.sky, engine: 'classic', needsStyle: false, label: STAGED,
    description: 'A grey sky replaced by a blue one (exteriors).',
  },
  declutter: {
    name: 'Declutter', credits: CREDIT_PRICES.declutter, engine: 'generative', needsStyle: false, label: STAGED,
    description: 'Movable objects removed from the room.',
  },
  stage: {
    name: 'Virtual staging', credits: CREDIT_PRICES.stage, engine: 'generative', needsStyle: true, label: STAGED,
    description: 'An empty room furnished in the style you choose; every room of a property staged in one style looks like one home.',
  },
  twilight: {
    name: 'Twilight', credits: CREDIT_PRICES.twilight, engine: 'classic', needsStyle: false, label: STAGED,
    description: 'A daytime exterior turned into an evening shot, windows lit.',
  },
};
