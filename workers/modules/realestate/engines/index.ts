/**
 * The engine for each transformation kind. Classic kinds run in the isolate on typed arrays;
 * generative ones call Workers AI through its REST API (the stand-in locally, see
 * scripts/stand-ins/workers-ai.ts), configured as the listing writer is.
 */
import { loadConfig } from '../../../core/config';
import { PermanentJobError } from '../../../core/jobs/job';
import type { TransformationKind } from '../../../shared/enums';
import type { TransformEngine } from './engine';
import { enhanceEngine } from './enhance';
import { generativeEngine, IMG2IMG_MODEL, INPAINTING_MODEL } from './generative';
import { skyEngine } from './sky';
import { twilightEngine } from './twilight';

export { stampLabel } from './label';

function workersAi(env: Env, model: typeof INPAINTING_MODEL | typeof IMG2IMG_MODEL): TransformEngine {
  const config = loadConfig(env).listing.workersAi;
  if (!config) throw new PermanentJobError('Workers AI is not configured (CF_ACCOUNT_ID, CF_API_TOKEN)');
  return generativeEngine(config, model);
}

const ENGINES: Record<TransformationKind, (env: Env) => TransformEngine> = {
  enhance: () => enhanceEngine,
  sky: () => skyEngine,
  twilight: () => twilightEngine,
  declutter: (env) => workersAi(env, INPAINTING_MODEL),
  stage: (env) => workersAi(env, IMG2IMG_MODEL),
};

/** The engine that runs `kind`. A generative kind without Workers AI configured fails (and is refunded) with that reason. */
export function engineFor(env: Env, kind: TransformationKind): TransformEngine {
  return ENGINES[kind](env);
}
