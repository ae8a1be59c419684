import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../app.js';
import { ADMIN_KEY, type Harness, startHarness } from '../../test/api-harness.js';
import { createKey } from '../../test/api-keys.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('API keys', () => {
  it('creates a key shown once, lists it without the secret, and the key works', async () => {
    const created = await createKey(h, { name: 'dashboard', scopes: ['read'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), name: 'dashboard', scopes: ['read'] });
    expect(created.body.key).toMatch(/^gc_[\w-]{40,}$/);
    const list = await h.call({ method: 'GET', url: '/v1/api-keys', key: h.keys.admin });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'dashboard', prefix: created.body.key.slice(0, 10) });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    expect((await h.call({ method: 'GET', url: '/v1/mentions', key: created.body.key })).status).toBe(200);
  });

  it('stops a revoked key at once', async () => {
    const { body } = await createKey(h, { name: 'temp', scopes: ['write'] });
    expect((await h.call({ method: 'GET', url: '/v1/feed', key: body.key })).status).toBe(200);
    expect((await h.call({ method: 'DELETE', url: `/v1/api-keys/${body.id}`, key: h.keys.admin })).status).toBe(204);
    const after = await h.call({ method: 'GET', url: '/v1/feed', key: body.key });
    expect(after.status).toBe(401);
    expect((await h.call({ method: 'DELETE', url: `/v1/api-keys/${body.id}`, key: h.keys.admin })).status).toBe(404);
  });

  it('stops a revoked key at once in another API process that had it cached', async () => {
    const other = await buildApi({
      database: h.database,
      redis: h.redis,
      logger: false,
      queuePrefix: h.env.prefix,
      adminKey: ADMIN_KEY,
    });
    try {
      await expect
        .poll(() => other.keyCache.isLive, { message: 'the key cache to subscribe', timeout: 30_000 })
        .toBe(true);
      const { body } = await createKey(h, { name: 'cached', scopes: ['read'] });
      const viaOther = () =>
        other.inject({ method: 'GET', url: '/v1/feed', headers: { authorization: `Bearer ${body.key}` } });
      expect((await viaOther()).statusCode).toBe(200);
      expect((await viaOther()).statusCode).toBe(200);
      await h.call({ method: 'DELETE', url: `/v1/api-keys/${body.id}`, key: h.keys.admin });
      await expect
        .poll(async () => (await viaOther()).statusCode, {
          message: 'the revocation to reach the other process',
          timeout: 2000,
          interval: 5,
        })
        .toBe(401);
    } finally {
      await other.close();
    }
  });

  it.each([
    [{ name: '', scopes: ['read'] }, /name/],
    [{ name: 'x', scopes: [] }, /scopes/],
    [{ name: 'x', scopes: ['root'] }, /scopes/],
    [{ name: 'x', scopes: ['read'], extra: 1 }, /extra|unrecognized/i],
  ])('rejects a bad body %j with a 400', async (payload, message) => {
    const res = await createKey(h, payload);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('leaves health checks public', async () => {
    expect((await h.call({ method: 'GET', url: '/healthz', key: null })).status).toBe(200);
    expect((await h.call({ method: 'GET', url: '/readyz', key: null })).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a key spends its window, per key', async () => {
    const limited = await startHarness({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.call({ method: 'GET', url: '/v1/feed' })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await limited.call({ method: 'GET', url: '/v1/feed' });
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(res.body.error.code).toBe('rate_limited');
      // Another key has its own budget.
      expect((await limited.call({ method: 'GET', url: '/v1/feed', key: limited.keys.write })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
