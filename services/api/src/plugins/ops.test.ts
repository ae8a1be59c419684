import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('operations routes', () => {
  it('serves OpenAPI 3 built from the route schemas, without a key', async () => {
    const res = await h.call({ method: 'GET', url: '/openapi.json', key: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of ['/v1/feed', '/v1/mentions', '/v1/mentions/{id}', '/v1/ingest', '/v1/api-keys', '/v1/stats']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
    expect(res.body.paths['/v1/mentions'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'minFollowers',
    );
    expect(Object.keys(res.body.paths).some((p) => p.startsWith('/docs') || p.startsWith('/admin'))).toBe(false);
  });

  it('serves Swagger UI at /docs without a key', async () => {
    const res = await h.call({ method: 'GET', url: '/docs/', key: null });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });

  it('exposes Prometheus metrics: latency, queue depths, mentions by label, deliveries', async () => {
    await h.call({ method: 'GET', url: '/v1/mentions' });
    const res = await h.call({ method: 'GET', url: '/metrics', key: null });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/v1\/mentions"/);
    expect(res.text).toMatch(/goodchatter_queue_jobs\{queue="score",state="waiting"\} 0/);
    expect(res.text).toContain('# TYPE goodchatter_mentions_stored gauge');
    expect(res.text).toContain('# TYPE goodchatter_webhook_deliveries gauge');
  });

  it('puts the queue dashboard behind an admin key', async () => {
    expect((await h.call({ method: 'GET', url: '/admin/queues', key: null })).status).toBe(401);
    expect((await h.call({ method: 'GET', url: '/admin/queues', key: h.keys.write })).status).toBe(403);
    const ok = await h.call({ method: 'GET', url: '/admin/queues', key: h.keys.admin });
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/<html/i);
    const api = await h.call({ method: 'GET', url: '/admin/queues/api/queues', key: h.keys.admin });
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('score');
  });

  it('sends security headers', async () => {
    const res = await h.call({ method: 'GET', url: '/healthz', key: null });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});
