import { insertMentions } from '@goodchatter/db';
import { mentionRow } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

// Kudos and stats are aggregates over a range (a second or more on millions of rows): the
// same report asked by many screens at once is one query, and with READ_CACHE_MS a recent
// answer; a workflow change through the API makes the next one fresh.
describe('kudos and stats share identical reads', () => {
  let h: Harness;
  const recent = () => new Date(Date.now() - 3600_000);
  const praiseFor = (name: string) =>
    mentionRow({
      label: 'praise',
      confidence: 0.99,
      postedAt: recent(),
      staff: [name],
      brand: 'Acme',
      text: `thanks ${name}`,
    });

  beforeAll(async () => {
    h = await startHarness({ readCacheMs: 60_000 });
    await insertMentions(h.database.db, [praiseFor('Maria')]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const staffNames = async () =>
    ((await h.call({ method: 'GET', url: '/v1/kudos' })).body.data as { staff: string }[]).map((k) => k.staff).sort();
  const totals = async () =>
    ((await h.call({ method: 'GET', url: '/v1/stats' })).body.data as { total: number }[]).map((d) => d.total);

  it('answers a repeated report from the shared read until a change goes through the API', async () => {
    expect(await staffNames()).toEqual(['Maria']);
    expect(await totals()).toEqual([1]);
    // Written behind the API's back (as another process would): not seen while the answer is fresh.
    const [added] = await insertMentions(h.database.db, [praiseFor('Joe')]);
    expect(await staffNames()).toEqual(['Maria']);
    expect(await totals()).toEqual([1]);
    // A change through this API drops shared answers.
    const patched = await h.call({
      method: 'PATCH',
      url: `/v1/mentions/${added?.id}`,
      key: h.keys.write,
      payload: { status: 'thanked' },
    });
    expect(patched.status).toBe(200);
    expect(await staffNames()).toEqual(['Joe', 'Maria']);
    expect(await totals()).toEqual([2]);
  });

  it('runs one query for many identical reports asked at once', async () => {
    // Authenticate once first: the key is then served from the API's key cache.
    await h.call({ method: 'GET', url: '/v1/stats' });
    let queries = 0;
    const pool = h.database.pool;
    const original = pool.query.bind(pool);
    pool.query = ((...args: Parameters<typeof pool.query>) => {
      queries++;
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as typeof pool.query;
    try {
      // A new range, fixed at both ends (an open `until` is each request's own "now", echoed
      // in the answer): nothing shared yet.
      const until = new Date();
      const since = new Date(until.getTime() - 7 * 86_400_000);
      const url = `/v1/stats?since=${encodeURIComponent(since.toISOString())}&until=${encodeURIComponent(until.toISOString())}`;
      const answers = await Promise.all(Array.from({ length: 8 }, () => h.call({ method: 'GET', url })));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    } finally {
      pool.query = original as typeof pool.query;
    }
    // Auth reads keys from a cache, so the only queries are the report's: one.
    expect(queries).toBe(1);
  });
});
