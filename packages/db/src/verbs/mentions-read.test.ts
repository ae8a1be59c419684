import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow } from '../schema/mentions.js';
import { type FreshDatabase, freshDatabase } from '../test/fresh-database.js';
import { mentionRow } from '../test/mention-row.js';
import { updateMentionWorkflow } from './mention-workflow.js';
import {
  listMentions,
  listMentionsJson,
  MENTION_SORTS,
  type MentionCursor,
  type MentionFilter,
  type MentionSort,
} from './mentions-read.js';
import { insertMentions } from './mentions-write.js';

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// Few distinct values, so every sort key has long runs of ties that only the id breaks;
// posting times straddle month boundaries (and fall outside the months kept ready).
const POSTED = [
  '2019-05-01T08:00:00Z',
  '2026-09-15T12:00:00Z',
  '2026-11-30T23:59:59.999Z',
  '2026-12-01T00:00:00Z',
  '2027-01-10T09:30:00.123Z',
  '2027-03-01T00:00:00Z',
].map((s) => new Date(s));
const FOLLOWERS = [null, 0, 10, 10, 5000];
const CONFIDENCE = [0.5, 0.75, 0.9];

/** Stores `n` mentions of a brand of their own; a few get a staff label (confidence 1). */
async function seed(n: number) {
  const brand = `brand-${randomUUID().slice(0, 8)}`;
  const rows = Array.from({ length: n }, (_, i) =>
    mentionRow(`${brand}-${i}`, {
      brand,
      postedAt: POSTED[i % POSTED.length],
      authorFollowers: FOLLOWERS[i % FOLLOWERS.length],
      confidence: CONFIDENCE[i % CONFIDENCE.length],
      label: i % 4 === 0 ? 'complaint' : 'praise',
    }),
  );
  const inserted = await insertMentions(database.db, rows);
  expect(inserted).toHaveLength(n);
  for (const m of inserted.filter((_, i) => i % 7 === 3)) {
    await updateMentionWorkflow(database.db, m.id, { label: 'praise', reason: 'test' }, 'test-key');
  }
  return brand;
}

/** The order each sort promises, computed here from the rows (key, then id, both descending). */
const SORT_KEY: Record<MentionSort, (r: MentionRow) => number> = {
  newest: (r) => r.postedAt.getTime(),
  reach: (r) => r.authorFollowers ?? 0,
  confidence: (r) => (r.labelOverride === null ? r.confidence : 1),
};
const expectedOrder = (rows: MentionRow[], sort: MentionSort) =>
  [...rows].sort((a, b) => SORT_KEY[sort](b) - SORT_KEY[sort](a) || b.id - a.id).map((r) => r.id);

async function allPages(filter: MentionFilter, sort: MentionSort, limit: number) {
  const ids: number[] = [];
  let after: MentionCursor | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await listMentions(database.db, filter, { limit, sort, after });
    expect(res.rows.length).toBeLessThanOrEqual(limit);
    ids.push(...res.rows.map((r) => r.id));
    if (!res.next) return ids;
    after = res.next;
  }
  throw new Error('pages never ended');
}

describe('listMentions keyset pages', () => {
  it.each(MENTION_SORTS)('sorted by %s: every mention once, in order, whatever the page size', async (sort) => {
    const brand = await seed(57);
    const everything = (await listMentions(database.db, { brand }, { limit: 1000, sort })).rows;
    expect(everything).toHaveLength(57);
    const expected = expectedOrder(everything, sort);
    expect(everything.map((r) => r.id)).toEqual(expected);
    for (const limit of [1, 4, 10, 56, 57]) {
      expect(await allPages({ brand }, sort, limit)).toEqual(expected);
    }
  });

  it('has no next page after the last row, even when the last page is full', async () => {
    const brand = await seed(8);
    const first = await listMentions(database.db, { brand }, { limit: 4 });
    expect(first.next).toBeDefined();
    const second = await listMentions(database.db, { brand }, { limit: 4, after: first.next });
    expect(second.rows).toHaveLength(4);
    expect(second.next).toBeUndefined();
  });

  it('pages within a filter', async () => {
    const brand = await seed(30);
    const complaints = await allPages({ brand, label: 'complaint' }, 'reach', 3);
    const all = (await listMentions(database.db, { brand }, { limit: 1000 })).rows;
    // A staff label of praise takes a mention out of the complaints.
    const expected = all.filter((r) => (r.labelOverride ?? r.label) === 'complaint');
    expect(complaints.length).toBeGreaterThan(3);
    const byId = (x: number, y: number) => x - y;
    expect([...complaints].sort(byId)).toEqual(expected.map((r) => r.id).sort(byId));
  });

  it('renders the same pages as JSON', async () => {
    const brand = await seed(23);
    for (const sort of MENTION_SORTS) {
      const ids: number[] = [];
      let after: MentionCursor | undefined;
      do {
        const page = await listMentionsJson(database.db, { brand }, { limit: 5, sort, after });
        ids.push(...page.items.map((json) => Number((JSON.parse(json) as { id: string }).id)));
        after = page.next;
      } while (after);
      expect(ids).toEqual(await allPages({ brand }, sort, 5));
    }
  });

  it('keeps a reader’s place while mentions arrive: nothing seen twice, nothing older missed', async () => {
    const brand = await seed(20);
    const original = (await listMentions(database.db, { brand }, { limit: 1000 })).rows.map((r) => r.id);
    const seen: number[] = [];
    let page = await listMentions(database.db, { brand }, { limit: 5 });
    seen.push(...page.rows.map((r) => r.id));
    // Arriving after the first page: one newer than anything (before the cursor: not on a
    // later page) and one older than anything (after it: on a later page).
    const [newer] = await insertMentions(database.db, [
      mentionRow(`${brand}-newer`, { brand, postedAt: new Date('2030-01-01T00:00:00Z') }),
    ]);
    const [older] = await insertMentions(database.db, [
      mentionRow(`${brand}-older`, { brand, postedAt: new Date('2001-01-01T00:00:00Z') }),
    ]);
    while (page.next) {
      page = await listMentions(database.db, { brand }, { limit: 5, after: page.next });
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual([...original, older?.id]);
    expect(seen).not.toContain(newer?.id);
  });
});
