import { buildApi } from '@goodchatter/api';
import { createRedis, pollSchedulerId } from '@goodchatter/queues';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXHarness, type XHarness } from './test/x-harness.js';

const ADMIN_KEY = 'x-api-test-admin-key-0123456789';
let h: XHarness;
let redis: Redis;
let app: Awaited<ReturnType<typeof buildApi>>;

beforeAll(async () => {
  h = await startXHarness();
  redis = createRedis(h.env.redisUrl, 'producer');
  app = await buildApi({ database: h.database, redis, logger: false, queuePrefix: h.env.prefix, adminKey: ADMIN_KEY });
});
afterAll(async () => {
  await app.close();
  redis.disconnect();
  await h.close();
});

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

describe('tracked queries through the API, polled by the ingest worker', () => {
  it('creates a query, polls it at once and on demand, shows its state, and deletes it keeping mentions', {
    timeout: 120_000,
  }, async () => {
    const first = h.fx.addTweets(
      Array.from({ length: 120 }, (_, i) => ({
        text: `Acme Air crew ${i} were lovely`,
        createdAt: new Date(Date.now() - 1000 - i),
      })),
    );
    const newest = h.fx.tweets[0]?.id; // the fake keeps tweets newest first
    const created = await call('POST', '/v1/queries', { brand: 'Acme Air', source: 'x', query: '"Acme Air"' });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    // A new scheduler's first tick is immediate: the first poll needs no button.
    await expect
      .poll(async () => (await call('GET', `/v1/queries/${id}`)).body.lastPolledAt, {
        message: 'the first poll',
        timeout: 30_000,
      })
      .not.toBe(null);
    await expect
      .poll(async () => (await h.stored()).length, { message: 'its tweets stored', timeout: 30_000 })
      .toBe(first.length);
    const view = (await call('GET', `/v1/queries/${id}`)).body;
    expect(view).toMatchObject({ status: 'active', readsToday: 120, lastError: null, checkpoint: newest });

    const later = h.fx.addTweets([{ text: 'Acme Air, again lovely' }]);
    const poll = await call('POST', `/v1/queries/${id}/poll`);
    expect(poll.status).toBe(202);
    await expect
      .poll(async () => (await h.stored()).includes(later[0]?.id ?? ''), {
        message: 'the polled-now tweet',
        timeout: 30_000,
      })
      .toBe(true);
    expect(h.fx.searchRequests().at(-1)?.query.since_id).toBe(newest);

    expect((await call('PATCH', `/v1/queries/${id}`, { pollIntervalSeconds: 900 })).status).toBe(200);
    expect(Number((await h.pollQueue.getJobScheduler(pollSchedulerId(id)))?.every)).toBe(900_000);
    expect((await call('DELETE', `/v1/queries/${id}`)).status).toBe(204);
    expect(await h.pollQueue.getJobScheduler(pollSchedulerId(id))).toBeUndefined();
    expect(await h.stored()).toHaveLength(121);
  });
});
