import { Mention } from '@goodchatter/core';
import { getMention, insertMentions, toMention, trackedQueries, updateMentionWorkflow } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

// The list routes send JSON rendered by Postgres (MENTION_JSON_SQL); it must stay the
// same as `toMention`, which every other route and the webhooks use.
let h: Harness;
let ids: number[];
beforeAll(async () => {
  h = await startHarness();
  const [q] = await h.database.db.insert(trackedQueries).values({ brand: 'B', source: 'x', query: 'q' }).returning();
  const rows = await insertMentions(h.database.db, [
    mentionRow(1, { postedAt: new Date(Date.now() - 3_600_000) }),
    mentionRow(2, {
      postedAt: new Date(Date.now() - 7_200_000),
      queryId: q?.id,
      brand: 'Acme "Air"',
      authorId: 'a1',
      authorName: 'Ann \u00e9\u{1F600}',
      authorFollowers: 1234,
      authorVerified: false,
      text: 'line\nbreak, "quotes" and \\ backslash',
      lang: 'en',
      url: 'https://example.com/p?q=1&r=2',
      score: -0.123,
      confidence: 0.37,
      reasons: ['a', 'b'],
      staff: ['Maria'],
    }),
  ]);
  ids = rows.map((r) => r.id);
  await updateMentionWorkflow(h.database.db, ids[1] as number, { label: 'praise', reason: 'r' }, 'k');
});
afterAll(async () => {
  await h?.close();
});

describe('mention JSON rendered by Postgres', () => {
  it('equals toMention for list pages and feed items', async () => {
    const list = await h.call({ method: 'GET', url: '/v1/mentions' });
    const feed = await h.call({ method: 'GET', url: '/v1/feed' });
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    for (const id of ids) {
      const expected = JSON.parse(JSON.stringify(toMention((await getMention(h.database.db, id)) as never)));
      const fromList = list.body.data.find((m: { id: string }) => m.id === String(id));
      expect(fromList).toEqual(expected);
      expect(Mention.safeParse(fromList).success).toBe(true);
      const { worthiness, ...fromFeed } = feed.body.data.find((m: { id: string }) => m.id === String(id));
      expect(fromFeed).toEqual(expected);
      expect(worthiness).toBeGreaterThan(0);
    }
    // The overridden row shows the staff label as certain, on both paths.
    const overridden = list.body.data.find((m: { id: string }) => m.id === String(ids[1]));
    expect(overridden).toMatchObject({ label: 'praise', confidence: 1, reasons: ['set by staff'] });
  });
});
