import type { MentionInput } from '@goodchatter/core';
import { createApiKey, createDatabase, type Database, insertMentions, type NewMentionRow } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { createTestEnv, type TestEnv } from '@goodchatter/testing';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../app.js';
import { mentionRow, startHarness } from '../../test/api-harness.js';

let env: TestEnv;
let database: Database;
let redis: Redis;
let app: FastifyInstance;
let readKey: string;

function row(i: number, over: Partial<NewMentionRow> = {}): NewMentionRow {
  return mentionRow(i, {
    source: i % 3 === 0 ? 'x' : 'replay',
    // Two mentions share each posted time, so the id must break ties.
    postedAt: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 60_000),
    label: i % 2 === 0 ? 'praise' : 'complaint',
    ...over,
  });
}

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl);
  redis = createRedis(env.redisUrl, 'producer');
  app = await buildApi({ database, redis, logger: false, queuePrefix: env.prefix });
  readKey = (await createApiKey(database.db, { name: 'reader', scopes: ['read'] })).key;
  await insertMentions(
    database.db,
    Array.from({ length: 45 }, (_, i) => row(i)),
  );
});

afterAll(async () => {
  await app.close();
  redis.disconnect();
  await database.close();
  await env.cleanup();
});

/** An app to read from, with a read key: the file's own, unless a test brings another. */
type Reader = { app: FastifyInstance; readKey: string };

const get = async (url: string, on: Reader = { app, readKey }) => {
  const res = await on.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${on.readKey}` } });
  return { status: res.statusCode, body: res.json() };
};

async function collect(query: string, insertBetween?: (page: number) => Promise<void>, on?: Reader): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const { status, body } = await get(`/v1/mentions?${query}${cursor ? `&cursor=${cursor}` : ''}`, on);
    expect(status).toBe(200);
    seen.push(...body.data.map((m: { externalId: string }) => m.externalId));
    cursor = body.nextCursor;
    if (!cursor) break;
    await insertBetween?.(page);
  }
  return seen;
}

describe('GET /v1/mentions', () => {
  it('pages newest first through every mention exactly once', async () => {
    const ids = await collect('limit=7');
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
    const { body } = await get('/v1/mentions?limit=2');
    expect(body.data[0].externalId).toBe('m44');
    expect(body.data.map((m: { postedAt: string }) => m.postedAt)).toEqual(
      [...body.data.map((m: { postedAt: string }) => m.postedAt)].sort().reverse(),
    );
  });

  it('stays complete while rows are inserted between pages', async () => {
    // A database of its own, seeded alike: the rows it inserts would change what the other tests see.
    const own = await startHarness();
    try {
      await insertMentions(
        own.database.db,
        Array.from({ length: 45 }, (_, i) => row(i)),
      );
      const fresh = await collect(
        'limit=5&source=replay',
        async (page) => {
          // Newer rows land before the cursor, older ones after it; neither may disturb the walk.
          await insertMentions(own.database.db, [
            row(1000 + page, { externalId: `new${page}`, source: 'replay', postedAt: new Date(Date.UTC(2027, 0, 1)) }),
          ]);
        },
        { app: own.app, readKey: own.keys.read },
      );
      const expected = Array.from({ length: 45 }, (_, i) => i)
        .filter((i) => i % 3 !== 0)
        .map((i) => `m${i}`);
      expect(fresh.filter((id) => !id.startsWith('new')).sort()).toEqual(expected.sort());
      expect(new Set(fresh).size).toBe(fresh.length);
    } finally {
      await own.close();
    }
  });

  it('filters by label, source and time', async () => {
    const { body } = await get('/v1/mentions?label=praise&source=x&limit=100');
    expect(body.data.length).toBeGreaterThan(0);
    for (const m of body.data) expect([m.label, m.source]).toEqual(['praise', 'x']);
    const since = new Date(Date.UTC(2026, 10, 1) + 10 * 60_000).toISOString();
    const until = new Date(Date.UTC(2026, 10, 1) + 12 * 60_000).toISOString();
    const window = await get(`/v1/mentions?since=${since}&until=${until}`);
    expect(window.body.data.map((m: { externalId: string }) => m.externalId).sort()).toEqual(
      ['m20', 'm21', 'm22', 'm23'].sort(),
    );
  });

  it.each([
    ['limit=0', /limit/],
    ['limit=101', /limit/],
    ['label=happy', /label/],
    ['since=yesterday', /since/],
    ['cursor=bm9wZQ', /cursor/],
    ['colour=red', /colour|unrecognized/i],
    ['since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z', /since/],
  ])('answers %s with a 400 in the error shape', async (qs, message) => {
    const { status, body } = await get(`/v1/mentions?${qs}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
    expect(body.error.requestId).toEqual(expect.any(String));
  });
});

describe('GET /v1/mentions/:id', () => {
  it('returns one mention, 404 for an unknown id and 400 for a malformed one', async () => {
    const first = (await get('/v1/mentions?limit=1')).body.data[0] as MentionInput & { id: string };
    const one = await get(`/v1/mentions/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.body.externalId).toBe(first.externalId);
    const missing = await get('/v1/mentions/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await get('/v1/mentions/abc')).status).toBe(400);
  });
});

describe('errors and health', () => {
  it('answers an unknown route with a 404 in the error shape and honours x-request-id', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing', headers: { 'x-request-id': 'abc-123' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'no route GET /v1/nothing', requestId: 'abc-123' },
    });
  });

  it('reports liveness and readiness', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', postgres: { status: 'ok' }, redis: { status: 'ok' } });
  });

  it('is not ready when Postgres cannot be reached', async () => {
    const broken = createDatabase('postgres://postgres@127.0.0.1:1/none');
    const app2 = await buildApi({ database: broken, redis, logger: false });
    const res = await app2.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().postgres.status).toBe('down');
    await app2.close();
    await broken.close();
  });
});
