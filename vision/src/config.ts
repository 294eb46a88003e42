/** The service's settings, from the environment, validated once at start. */
export type VisionConfig = {
  port: number;
  host: string;
  /** Undefined only when VISION_ALLOW_NO_SECRET=1. */
  secret: string | undefined;
  maxBytes: number;
  detectLongEdge: number | undefined;
  maxWaitMs: number;
};

export const DEFAULT_PORT = 8788;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
/** Longest estimated wait before BUSY: under the Worker's 30 s timeout, with room for the work itself. */
export const DEFAULT_MAX_WAIT_MS = 20_000;

/** Reads and checks the environment; throws a message fit for a person on anything wrong. */
export function readConfig(env: NodeJS.ProcessEnv): VisionConfig {
  const secret = env.VISION_SECRET || undefined;
  if (!secret && env.VISION_ALLOW_NO_SECRET !== '1') {
    throw new Error('VISION_SECRET is not set: set it, or VISION_ALLOW_NO_SECRET=1 to run without authentication');
  }
  return {
    port: integer(env.PORT, DEFAULT_PORT, 'PORT', 0, 65535),
    host: env.HOST || DEFAULT_HOST,
    secret,
    maxBytes: integer(env.VISION_MAX_BYTES, DEFAULT_MAX_BYTES, 'VISION_MAX_BYTES', 1, 1024 ** 3),
    detectLongEdge: env.VISION_OCR_DETECT_EDGE ? integer(env.VISION_OCR_DETECT_EDGE, 0, 'VISION_OCR_DETECT_EDGE', 320, 4096) : undefined,
    maxWaitMs: integer(env.VISION_MAX_WAIT_MS, DEFAULT_MAX_WAIT_MS, 'VISION_MAX_WAIT_MS', 100, 600_000),
  };
}

function integer(raw: string | undefined, fallback: number, name: string, min: number, max: number) {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}
