import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase } from '../test/fresh-database.js';
import { mentionRow } from '../test/mention-row.js';
import { listMentions } from './mentions-read.js';
import { insertMentions } from './mentions-write.js';

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase({ max: 12 });
});
afterAll(async () => {
  await database?.drop();
});

// Every test stores under a source of its own: the uniqueness key is (source, external id).
const newSource = () => `src-${randomUUID().slice(0, 8)}`;
const stored = async (source: string) => (await listMentions(database.db, { source }, { limit: 1000 })).rows;

describe('insertMentions', () => {
  it('stores a (source, external id) once: the second insert returns nothing and changes nothing', async () => {
    const source = newSource();
    const first = await insertMentions(database.db, [mentionRow('a', { source, text: 'first text' })]);
    expect(first).toEqual([{ id: expect.any(Number), label: 'praise', source, externalId: 'a' }]);

    const again = await insertMentions(database.db, [
      mentionRow('a', { source, text: 'second text', label: 'complaint' }),
    ]);
    expect(again).toEqual([]);
    const rows = await stored(source);
    expect(rows.map((r) => [r.id, r.text, r.label])).toEqual([[first[0]?.id, 'first text', 'praise']]);
  });

  it('returns only the new rows of a batch that repeats stored ones, as their ids', async () => {
    const source = newSource();
    const [old] = await insertMentions(database.db, [mentionRow('old', { source })]);
    const result = await insertMentions(database.db, [
      mentionRow('old', { source }),
      mentionRow('new-1', { source, label: 'complaint' }),
      mentionRow('new-2', { source }),
    ]);
    expect(result).toHaveLength(2);
    expect(result.map((r) => r.id)).not.toContain(old?.id);
    const rows = await stored(source);
    expect(rows.map((r) => r.externalId).sort()).toEqual(['new-1', 'new-2', 'old']);
    // Each returned id is the row of the new mention, with its label.
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(result.map((r) => [byId.get(r.id)?.externalId, r.label]).sort()).toEqual([
      ['new-1', 'complaint'],
      ['new-2', 'praise'],
    ]);
  });

  it('stores a mention repeated within one batch once', async () => {
    const source = newSource();
    const result = await insertMentions(database.db, [
      mentionRow('twice', { source }),
      mentionRow('twice', { source }),
    ]);
    expect(result).toHaveLength(1);
    expect(await stored(source)).toHaveLength(1);
  });

  it('keeps the same external id from two sources apart', async () => {
    const [a, b] = [newSource(), newSource()];
    const result = await insertMentions(database.db, [
      mentionRow('same', { source: a }),
      mentionRow('same', { source: b }),
    ]);
    expect(result).toHaveLength(2);
    expect(await stored(a)).toHaveLength(1);
    expect(await stored(b)).toHaveLength(1);
  });

  it('under concurrent inserts of overlapping batches, stores each mention once and reports it once', async () => {
    const source = newSource();
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    // Ten writers (separate connections), each with an overlapping slice, half of them in
    // the opposite order (two scorers retrying overlapping batches).
    const batches = Array.from({ length: 10 }, (_, w) => {
      const slice = ids.filter((_, i) => (i + w) % 3 !== 0).map((id) => mentionRow(id, { source }));
      return w % 2 === 0 ? slice : slice.reverse();
    });
    const results = await Promise.all(batches.map((batch) => insertMentions(database.db, batch)));
    const reported = results.flat().map((r) => r.id);
    const rows = await stored(source);
    expect(rows).toHaveLength(ids.length);
    // Every stored row was reported by exactly one writer: that one writer alerts for it.
    expect([...reported].sort((x, y) => x - y)).toEqual(rows.map((r) => r.id).sort((x, y) => x - y));
  });

  it('stores nothing for an empty batch', async () => {
    expect(await insertMentions(database.db, [])).toEqual([]);
  });
});

describe('insertMentions order', () => {
  it('answers in the batch order, whatever the external ids sort as', async () => {
    const source = newSource();
    const names = ['zulu', 'alpha', 'mike', 'alpha', 'bravo'];
    const result = await insertMentions(
      database.db,
      names.map((n) => mentionRow(n, { source })),
    );
    expect(result.map((r) => r.externalId)).toEqual(['zulu', 'alpha', 'mike', 'bravo']);
    expect(new Set(result.map((r) => r.id)).size).toBe(4);
  });
});
