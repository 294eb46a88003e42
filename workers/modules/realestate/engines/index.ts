// LOCAL STUB, NEVER COMMITTED: stands for v13-engines' file until it is merged.
import type { Rgba, TransformEngine } from './engine';
export const engineFor = (_env: Env, _kind: string): TransformEngine => ({ run: async (input) => ({ image: input.image, engine: 'classic' }) });
export const stampLabel = (_image: Rgba, _text: string): void => {};
