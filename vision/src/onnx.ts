import ort from 'onnxruntime-node';

/**
 * One inference runs at a time (see queue.ts), so each session may use both cores for its
 * operators; inter-op parallelism would only oversubscribe a 2-core machine. The memory pattern
 * is off: it is planned per input shape (ours vary with every photo) and made IS-Net's second run
 * 1.5 s slower.
 */
export function createSession(model: string | Uint8Array, threads = 2) {
  const options: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableMemPattern: false,
  };
  return typeof model === 'string'
    ? ort.InferenceSession.create(model, options)
    : ort.InferenceSession.create(model, options);
}

export { ort };
