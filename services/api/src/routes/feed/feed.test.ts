import { insertMentions, updateMentionWorkflow } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
const HOUR = 3_600_000;
const now = Date.now();

beforeAll(async () => {
  h = await startHarness();
  const rows = [
    // Same age: more reach and confidence rank higher.
    mentionRow(1, { externalId: 'small', authorFollowers: 10, confidence: 0.8, postedAt: new Date(now - HOUR) }),
    mentionRow(2, { externalId: 'big', authorFollowers: 100_000, confidence: 0.8, postedAt: new Date(now - HOUR) }),
    mentionRow(3, { externalId: 'sure', authorFollowers: 10, confidence: 0.99, postedAt: new Date(now - HOUR) }),
    // Huge reach but a week old: a 48 h half-life makes it worth 1/8 as much.
    mentionRow(4, {
      externalId: 'old-big',
      authorFollowers: 100_000,
      confidence: 0.8,
      postedAt: new Date(now - 168 * HOUR),
    }),
    // Not in the feed: not praise, or already handled.
    mentionRow(5, { externalId: 'complaint', label: 'complaint', postedAt: new Date(now) }),
    mentionRow(6, { externalId: 'thanked', postedAt: new Date(now) }),
    mentionRow(7, { externalId: 'overridden', postedAt: new Date(now) }),
    mentionRow(8, { externalId: 'other-brand', brand: 'Other', postedAt: new Date(now - 2 * HOUR) }),
    mentionRow(9, { externalId: 'toot', source: 'mastodon', postedAt: new Date(now - 200 * HOUR) }),
  ];
  const inserted = await insertMentions(h.database.db, rows);
  const byExt = new Map(rows.map((r, i) => [r.externalId, inserted[i]?.id as number]));
  await updateMentionWorkflow(h.database.db, byExt.get('thanked') as number, { status: 'thanked' }, 't');
  await updateMentionWorkflow(h.database.db, byExt.get('overridden') as number, { label: 'complaint' }, 't');
});
afterAll(async () => {
  await h?.close();
});

const ids = (body: { data: { externalId: string }[] }) => body.data.map((m) => m.externalId);

describe('GET /v1/feed', () => {
  it('lists new praise by reward-worthiness (confidence, reach, recency)', async () => {
    const res = await h.call({ method: 'GET', url: '/v1/feed' });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['big', 'sure', 'small', 'other-brand', 'old-big', 'toot']);
    const scores = res.body.data.map((m: { worthiness: number }) => m.worthiness);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.data[0]).toMatchObject({ label: 'praise', status: 'new' });
  });

  it('pages by cursor and filters by brand', async () => {
    const first = await h.call({ method: 'GET', url: '/v1/feed?limit=2' });
    expect(ids(first.body)).toEqual(['big', 'sure']);
    const second = await h.call({ method: 'GET', url: `/v1/feed?limit=2&cursor=${first.body.nextCursor}` });
    expect(ids(second.body)).toEqual(['small', 'other-brand']);
    const third = await h.call({ method: 'GET', url: `/v1/feed?limit=2&cursor=${second.body.nextCursor}` });
    expect(ids(third.body)).toEqual(['old-big', 'toot']);
    expect(third.body.nextCursor).toBeNull();
    const brand = await h.call({ method: 'GET', url: '/v1/feed?brand=Other' });
    expect(ids(brand.body)).toEqual(['other-brand']);
  });

  it('filters by source', async () => {
    const res = await h.call({ method: 'GET', url: '/v1/feed?source=mastodon' });
    expect(ids(res.body)).toEqual(['toot']);
    expect((await h.call({ method: 'GET', url: '/v1/feed?source=bluesky' })).body.data).toEqual([]);
  });

  it.each(['limit=0', 'cursor=abc', 'sort=newest', 'queryId=x'])('rejects %s with a 400', async (qs) => {
    const res = await h.call({ method: 'GET', url: `/v1/feed?${qs}` });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});
