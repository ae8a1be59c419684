import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase } from '../test/fresh-database.js';
import { mentionRow } from '../test/mention-row.js';
import { type FeedCursor, listFeedJson } from './feed.js';
import { updateMentionWorkflow } from './mention-workflow.js';
import { listMentions } from './mentions-read.js';
import { insertMentions } from './mentions-write.js';

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

interface FeedItem {
  id: string;
  externalId: string;
  worthiness: number;
}

const HOUR = 3_600_000;

/**
 * A brand of its own with fresh praise that ties often (few distinct ages, reaches and
 * confidences), plus mentions the feed must leave out: complaints and handled praise.
 */
async function seed(n: number) {
  const brand = `brand-${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const rows = Array.from({ length: n }, (_, i) =>
    mentionRow(`${brand}-${i}`, {
      brand,
      postedAt: new Date(now - [1, 5, 40, 24 * 45][i % 4]! * HOUR),
      authorFollowers: [null, 10, 10, 20_000][i % 4 === 0 ? 0 : i % 3],
      confidence: [0.6, 0.95][i % 2],
      label: i % 5 === 0 ? 'complaint' : 'praise',
    }),
  );
  expect(await insertMentions(database.db, rows)).toHaveLength(n);
  // The i-th row's id, by its external id (an insert returns its rows in no given order).
  const stored = (await listMentions(database.db, { brand }, { limit: 1000 })).rows;
  const idOf = new Map(stored.map((r) => [r.externalId, r.id]));
  const ids = rows.map((r) => idOf.get(r.externalId) as number);
  // Thanked praise leaves the feed; a complaint relabelled praise by staff joins it.
  const thanked = ids.filter((_, i) => i % 5 === 1);
  const relabelled = ids.filter((_, i) => i % 10 === 0);
  for (const id of thanked) await updateMentionWorkflow(database.db, id, { status: 'thanked' }, 'test-key');
  for (const id of relabelled) await updateMentionWorkflow(database.db, id, { label: 'praise' }, 'test-key');
  const inFeed = ids.filter(
    (id, i) => !thanked.includes(id) && (rows[i]?.label === 'praise' || relabelled.includes(id)),
  );
  return { brand, inFeed };
}

async function allPages(brand: string, limit: number): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let after: FeedCursor | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await listFeedJson(database.db, { brand }, { limit, after });
    expect(res.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.items.map((json) => JSON.parse(json) as FeedItem));
    if (!res.next) return items;
    after = res.next;
  }
  throw new Error('pages never ended');
}

const byNumber = (x: number, y: number) => x - y;

describe('listFeedJson keyset pages', () => {
  it('list every fresh praise once, most worthy first, whatever the page size', async () => {
    const { brand, inFeed } = await seed(48);
    const whole = await allPages(brand, 1000);
    expect(whole.map((m) => Number(m.id)).sort(byNumber)).toEqual([...inFeed].sort(byNumber));
    const worth = whole.map((m) => m.worthiness);
    for (let i = 1; i < worth.length; i++) expect(worth[i]).toBeLessThanOrEqual((worth[i - 1] as number) * (1 + 1e-9));
    for (const limit of [1, 3, 7, whole.length - 1, whole.length]) {
      expect((await allPages(brand, limit)).map((m) => m.id)).toEqual(whole.map((m) => m.id));
    }
  });

  it('keeps a reader’s place while praise arrives: nothing seen twice, nothing less worthy missed', async () => {
    const { brand } = await seed(20);
    const original = (await allPages(brand, 1000)).map((m) => m.id);
    const seen: string[] = [];
    let page = await listFeedJson(database.db, { brand }, { limit: 4 });
    seen.push(...page.items.map((json) => (JSON.parse(json) as FeedItem).id));
    // Just posted (ranks above the cursor) and a year old (ranks below it).
    const [fresh] = await insertMentions(database.db, [
      mentionRow(`${brand}-fresh`, { brand, postedAt: new Date(), authorFollowers: 1e6, confidence: 0.99 }),
    ]);
    const [old] = await insertMentions(database.db, [
      mentionRow(`${brand}-old`, { brand, postedAt: new Date(Date.now() - 365 * 24 * HOUR), confidence: 0.5 }),
    ]);
    while (page.next) {
      page = await listFeedJson(database.db, { brand }, { limit: 4, after: page.next });
      seen.push(...page.items.map((json) => (JSON.parse(json) as FeedItem).id));
    }
    expect(seen).toEqual([...original, String(old?.id)]);
    expect(seen).not.toContain(String(fresh?.id));
  });
});
