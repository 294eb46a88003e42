import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../workers/core/config';

/** What a deployment provides, as strings (bindings left out: loadConfig reads only vars and secrets). */
const good = {
  JWT_SECRET: 'a-jwt-secret-that-is-long-enough-0000000',
  JWT_ISSUER: 'vitrine',
  JWT_AUDIENCE: 'vitrine-api',
  UPLOAD_SIGNING_SECRET: 'an-upload-secret-that-is-long-enough-000',
  UPLOAD_URL_TTL_SECONDS: '900',
  PUBLIC_ORIGIN: 'https://photos.example.com',
  APP_ORIGINS: 'https://app.example.com, https://preview.example.com',
  VISION_URL: 'https://vision.example.com',
  VISION_SECRET: 'a-vision-secret',
  VISION_TEXT_PROVIDER: 'external',
  VISION_CUTOUT_PROVIDER: 'cf-images',
  PIPELINE_STALE_AFTER_SECONDS: '600',
};
const envOf = (vars: Record<string, unknown>) => ({ ...good, ...vars }) as unknown as Env;

/** The problems loadConfig found, by variable; also checks that the reason was logged. */
function problemsOf(env: Env): Record<string, string[]> {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('The server is misconfigured'); // what a client could see: nothing specific
    const problems = (err as ConfigError).problems;
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(Object.keys(problems)[0]!));
    return problems;
  }
  throw new Error('loadConfig accepted a bad configuration');
}

afterEach(() => vi.restoreAllMocks());

describe('loadConfig', () => {
  it('parses a good deployment into typed values', () => {
    const config = loadConfig(envOf({}));
    expect(config.publicOrigin).toBe('https://photos.example.com');
    expect(config.appOrigins).toEqual(['https://app.example.com', 'https://preview.example.com']);
    expect(config.vision).toEqual({ textProvider: 'external', cutoutProvider: 'cf-images', url: 'https://vision.example.com', secret: 'a-vision-secret' });
    expect(config.pipeline).toEqual({ staleAfterMs: 600_000 });
    expect(config.uploads.ttlSeconds).toBe(900);
  });

  it('defaults the pipeline period and the providers, and reads a local port in PUBLIC_ORIGIN', () => {
    const config = loadConfig(envOf({ PUBLIC_ORIGIN: 'http://127.0.0.1:8787', APP_ORIGINS: '', VISION_TEXT_PROVIDER: undefined, VISION_CUTOUT_PROVIDER: undefined, PIPELINE_STALE_AFTER_SECONDS: undefined }));
    expect(config.publicOrigin).toBe('http://127.0.0.1:8787');
    expect(config.appOrigins).toEqual([]);
    expect(config.vision).toMatchObject({ textProvider: 'external', cutoutProvider: 'external' });
    expect(config.pipeline.staleAfterMs).toBe(900_000);
  });

  it('refuses an unknown vision provider, naming the variable, instead of falling back', () => {
    const text = problemsOf(envOf({ VISION_TEXT_PROVIDER: 'tesseract' }));
    expect(Object.keys(text)).toEqual(['VISION_TEXT_PROVIDER']);
    expect(text.VISION_TEXT_PROVIDER![0]).toMatch(/unknown provider "tesseract".*external, workers-ai/);
    // A real engine, but not one that cuts out subjects.
    expect(Object.keys(problemsOf(envOf({ VISION_CUTOUT_PROVIDER: 'workers-ai' })))).toEqual(['VISION_CUTOUT_PROVIDER']);
  });

  it('refuses workers-ai without its binding, and the external service without its URL or secret', () => {
    expect(problemsOf(envOf({ VISION_TEXT_PROVIDER: 'workers-ai' })).AI![0]).toMatch(/\[ai\] binding/);
    expect(() => loadConfig({ ...envOf({ VISION_TEXT_PROVIDER: 'workers-ai' }), AI: { run: async () => ({}) } } as Env)).not.toThrow();
    expect(Object.keys(problemsOf(envOf({ VISION_URL: '', VISION_SECRET: '' })))).toEqual(['VISION_URL', 'VISION_SECRET']);
    // Neither engine external: the vision service is not needed.
    expect(() => loadConfig(envOf({ VISION_TEXT_PROVIDER: 'workers-ai', VISION_URL: '', VISION_SECRET: '', AI: {} }))).not.toThrow();
  });

  it('refuses a missing or malformed PUBLIC_ORIGIN', () => {
    for (const bad of [undefined, '', 'photos.example.com', 'ftp://photos.example.com', 'https://photos.example.com/', 'https://photos.example.com/app']) {
      expect(Object.keys(problemsOf(envOf({ PUBLIC_ORIGIN: bad }))), String(bad)).toEqual(['PUBLIC_ORIGIN']);
    }
    expect(Object.keys(problemsOf(envOf({ APP_ORIGINS: 'https://app.example.com,app.example.com' })))).toEqual(['APP_ORIGINS']);
  });

  it('refuses a stale period short enough to re-queue running jobs', () => {
    expect(Object.keys(problemsOf(envOf({ PIPELINE_STALE_AFTER_SECONDS: '10' })))).toEqual(['PIPELINE_STALE_AFTER_SECONDS']);
    expect(Object.keys(problemsOf(envOf({ PIPELINE_STALE_AFTER_SECONDS: 'soon' })))).toEqual(['PIPELINE_STALE_AFTER_SECONDS']);
  });
});
