import { describe, expect, it } from 'vitest';
import { r2PresignSigner, workerRouteSigner } from '../workers/modules/media/upload-signer';

const grant = {
  photoId: 'pho_abc',
  key: 'photos/pho_abc/original',
  size: 1234,
  contentType: 'image/jpeg',
  expiresAt: Math.floor(Date.now() / 1000) + 900,
};

describe('R2 presigned URLs (production signer)', () => {
  const signer = r2PresignSigner({ accountId: 'acct123', bucket: 'vitrine-photos', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

  it('presigns a SigV4 PUT on the R2 S3 endpoint with the content type signed', async () => {
    const signed = await signer.sign(grant);
    const url = new URL(signed.url);
    expect(url.host).toBe('acct123.r2.cloudflarestorage.com');
    expect(url.pathname).toBe('/vitrine-photos/photos/pho_abc/original');
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/auto\/s3\/aws4_request$/);
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain('content-type');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeGreaterThan(890);
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.headers).toEqual({ 'Content-Type': 'image/jpeg' });
  });

  it('presigns UploadPart with the upload id and part number in the signed query', async () => {
    const signed = await signer.sign({ ...grant, part: { uploadId: 'up-1', partNumber: 3 } });
    const url = new URL(signed.url);
    expect(url.searchParams.get('partNumber')).toBe('3');
    expect(url.searchParams.get('uploadId')).toBe('up-1');
    expect(signed.headers).toEqual({});
  });
});

describe('Worker-route signer', () => {
  it('gives different signatures to different grants', async () => {
    const signer = workerRouteSigner('x'.repeat(32), 'https://api.example');
    const a = new URL((await signer.sign(grant)).url).searchParams.get('sig');
    const b = new URL((await signer.sign({ ...grant, size: 1235 })).url).searchParams.get('sig');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
