import { describe, expect, it } from 'vitest';
import { call } from './helpers/api';

describe('GET /health', () => {
  it('reports ok with a working D1 and a request id', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ status: 'ok', checks: { d1: true } });
    expect(res.headers.get('X-Request-Id')).toMatch(/^req_/);
  });

  it('answers unknown routes with the coded 404 shape', async () => {
    const res = await call('GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.data.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.stringMatching(/^req_/) });
  });
});
