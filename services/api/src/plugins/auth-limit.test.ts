import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ unauthenticatedRateLimit: 3 });
});
afterAll(async () => {
  await h?.close();
});

describe('requests without a valid key', () => {
  it('are limited per client address before any key lookup, with Retry-After', async () => {
    for (const key of [null, 'gc_not_a_real_key_000', 'gc_not_a_real_key_001']) {
      expect((await h.call({ method: 'GET', url: '/v1/feed', key })).status).toBe(401);
    }
    const limited = await h.call({ method: 'GET', url: '/v1/feed', key: 'gc_not_a_real_key_002' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await h.call({ method: 'GET', url: '/v1/feed', key: null })).status).toBe(429);
    // A known key still works from that address; public routes are not limited.
    expect((await h.call({ method: 'GET', url: '/v1/feed', key: h.keys.admin })).status).toBe(200);
    expect((await h.call({ method: 'GET', url: '/healthz', key: null })).status).toBe(200);
  });
});
