import { insertMentions, trackedQueries } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
let queryId: number;

beforeAll(async () => {
  h = await startHarness();
  const [q] = await h.database.db
    .insert(trackedQueries)
    .values({ brand: 'Acme', source: 'replay', query: '/tmp/x.jsonl' })
    .returning();
  queryId = q?.id as number;
  await insertMentions(
    h.database.db,
    Array.from({ length: 60 }, (_, i) =>
      mentionRow(i, {
        brand: i % 2 === 0 ? 'Acme' : 'Zephyr',
        queryId: i % 4 === 0 ? queryId : null,
        lang: i % 3 === 0 ? 'de' : 'en',
        authorFollowers: (i * 37) % 1000,
        // Confidence repeats, so ties must be broken by id.
        confidence: [0.5, 0.7, 0.9][i % 3] as number,
        staff: i % 5 === 0 ? ['Maria'] : [],
        text: i % 7 === 0 ? `Maria fixed my refund ${i}` : `ordinary post ${i}`,
        label: i % 6 === 5 ? 'complaint' : 'praise',
      }),
    ),
  );
});
afterAll(async () => {
  await h?.close();
});

type M = { externalId: string; brand: string; lang: string; author: { followers: number }; confidence: number };

async function all(query: string, between?: (page: number) => Promise<void>): Promise<M[]> {
  const out: M[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await h.call({ method: 'GET', url: `/v1/mentions?${query}${cursor ? `&cursor=${cursor}` : ''}` });
    expect(res.status).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (!cursor) break;
    await between?.(page);
  }
  return out;
}

describe('GET /v1/mentions filters and sorts', () => {
  it('filters by brand, query, language, reach, staff and text', async () => {
    expect((await all('brand=Acme')).every((m) => m.brand === 'Acme')).toBe(true);
    expect((await all(`queryId=${queryId}`)).length).toBe(15);
    expect((await all('lang=de')).length).toBe(20);
    const reach = await all('minFollowers=900');
    expect(reach.length).toBeGreaterThan(0);
    expect(reach.every((m) => m.author.followers >= 900)).toBe(true);
    expect((await all('staff=Maria')).map((m) => m.externalId).sort()).toEqual(
      ['m0', 'm10', 'm20', 'm30', 'm40', 'm50', 'm5', 'm15', 'm25', 'm35', 'm45', 'm55'].sort(),
    );
    expect((await all('q=refund')).length).toBe(9);
    expect((await all('q=maria refund&brand=Zephyr')).map((m) => m.externalId).sort()).toEqual([
      'm21',
      'm35',
      'm49',
      'm7',
    ]);
    expect((await all('status=thanked')).length).toBe(0);
    expect((await all('status=new&label=complaint')).length).toBe(10);
  });

  it.each(['reach', 'confidence', 'newest'] as const)(
    'sorts by %s and pages completely while rows are inserted',
    async (sort) => {
      let n = 0;
      const seen = await all(`sort=${sort}&limit=7&brand=Acme`, async () => {
        // Rows at both ends of the order arrive between pages.
        await insertMentions(h.database.db, [
          mentionRow(1000 + n, {
            externalId: `${sort}-hi-${n}`,
            brand: 'Acme',
            authorFollowers: 5000,
            confidence: 0.95,
            postedAt: new Date(Date.UTC(2030, 0, 1)),
          }),
          mentionRow(2000 + n, {
            externalId: `${sort}-lo-${n}`,
            brand: 'Acme',
            authorFollowers: 0,
            confidence: 0.1,
            postedAt: new Date(Date.UTC(2020, 0, 1)),
          }),
        ]);
        n++;
      });
      const original = seen.filter((m) => /^m\d+$/.test(m.externalId)).map((m) => m.externalId);
      expect(original.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `m${i * 2}`).sort());
      expect(new Set(seen.map((m) => m.externalId)).size).toBe(seen.length);
      const keys = seen
        .filter((m) => /^m\d+$/.test(m.externalId))
        .map((m) => (sort === 'reach' ? m.author.followers : sort === 'confidence' ? m.confidence : 0));
      expect(keys).toEqual([...keys].sort((a, b) => b - a));
    },
  );

  it.each([
    ['sort=loudest', /sort/],
    ['minFollowers=-1', /minFollowers/],
    ['status=done', /status/],
    ['queryId=abc', /queryId/],
  ])('rejects %s with a 400', async (qs, message) => {
    const res = await h.call({ method: 'GET', url: `/v1/mentions?${qs}` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a cursor from another sort', async () => {
    const first = await h.call({ method: 'GET', url: '/v1/mentions?sort=reach&limit=2' });
    const res = await h.call({ method: 'GET', url: `/v1/mentions?sort=newest&cursor=${first.body.nextCursor}` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/cursor/);
  });
});
