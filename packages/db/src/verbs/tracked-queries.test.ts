import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase } from '../test/fresh-database.js';
import {
  ensureQuery,
  getQuery,
  listEnabledQueries,
  pauseForBudget,
  recordPollError,
  recordPollSuccess,
} from './tracked-queries.js';
import { createQuery, nextUtcDay, readsTodayOf, updateQuery } from './tracked-queries-edit.js';

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** A tracked query of the test's own (unique text), as ingest would poll it. */
async function newQuery(over: { enabled?: boolean } = {}) {
  const q = await createQuery(database.db, { brand: 'Acme Air', source: 'x', query: `acme ${randomUUID()}`, ...over });
  if (!q) throw new Error('query not created');
  return q;
}
const read = async (id: number) => {
  const q = await getQuery(database.db, id);
  if (!q) throw new Error(`query ${id} is gone`);
  return q;
};

describe('ensureQuery', () => {
  it('creates a (source, text) once and returns that query to every caller, also concurrent ones', async () => {
    const input = { brand: 'Acme Air', source: 'x', query: `acme ${randomUUID()}` };
    const all = await Promise.all(Array.from({ length: 6 }, () => ensureQuery(database.db, input)));
    const again = await ensureQuery(database.db, { ...input, brand: 'Other brand' });
    expect(new Set([...all, again].map((q) => q.id)).size).toBe(1);
    expect(again.brand).toBe('Acme Air');
    expect(await createQuery(database.db, input)).toBeUndefined();
  });
});

describe('the poll checkpoint', () => {
  it('is saved by a successful poll, which also clears the error and counts the reads of the day', async () => {
    const q = await newQuery();
    expect(q.checkpoint).toBeNull();
    await recordPollError(database.db, q.id, 'X answered 503');
    await recordPollSuccess(database.db, q.id, { checkpoint: '100', read: 3, polledQuery: q.query });
    await recordPollSuccess(database.db, q.id, { checkpoint: '250', read: 4, polledQuery: q.query });
    const after = await read(q.id);
    expect(after).toMatchObject({ checkpoint: '250', lastError: null, status: 'active', pausedUntil: null });
    expect(readsTodayOf(after)).toBe(7);
    expect(after.lastPolledAt).toBeInstanceOf(Date);
  });

  it('is not saved when the query text changed during the poll, but the reads still count', async () => {
    const q = await newQuery();
    await recordPollSuccess(database.db, q.id, { checkpoint: '100', read: 2, polledQuery: q.query });
    // Someone edits the text while a poll of the old text is running.
    const edit = await updateQuery(database.db, q.id, { query: `${q.query} -filter:retweets` });
    expect(edit.ok && edit.after.checkpoint).toBeNull();
    await recordPollSuccess(database.db, q.id, { checkpoint: '900', read: 5, polledQuery: q.query });
    const after = await read(q.id);
    expect(after.checkpoint).toBeNull();
    expect(readsTodayOf(after)).toBe(7);
  });

  it('survives errors and edits that keep the text; new text starts over from the lookback', async () => {
    const q = await newQuery();
    await recordPollSuccess(database.db, q.id, { checkpoint: '500', read: 1, polledQuery: q.query });
    await recordPollError(database.db, q.id, `refused: ${'x'.repeat(3000)}`, { status: 'failing', read: 2 });
    let now = await read(q.id);
    expect(now).toMatchObject({ checkpoint: '500', status: 'failing' });
    expect(now.lastError).toHaveLength(2000);
    expect(readsTodayOf(now)).toBe(3);

    // Brand and interval edits are no answer to a failing query: it keeps waiting.
    await updateQuery(database.db, q.id, { brand: 'Acme Airlines', pollIntervalMs: 120_000 });
    now = await read(q.id);
    expect(now).toMatchObject({ checkpoint: '500', status: 'failing', brand: 'Acme Airlines' });

    await updateQuery(database.db, q.id, { query: `${q.query} lang:en` });
    now = await read(q.id);
    expect(now).toMatchObject({ checkpoint: null, status: 'active', lastError: null });
  });

  it('a spent budget pauses polling until the next UTC day, or until the budget is edited', async () => {
    const q = await newQuery();
    const until = nextUtcDay();
    await pauseForBudget(database.db, q.id, until);
    expect(await read(q.id)).toMatchObject({ status: 'paused', pausedUntil: until });
    // Another edit leaves the pause; a new budget ends it.
    await updateQuery(database.db, q.id, { brand: 'Acme' });
    expect((await read(q.id)).status).toBe('paused');
    await updateQuery(database.db, q.id, { dailyBudget: q.dailyBudget + 1000 });
    expect(await read(q.id)).toMatchObject({ status: 'active', pausedUntil: null });
  });

  it('belongs to one query: polling another leaves it alone', async () => {
    const [a, b] = [await newQuery(), await newQuery()];
    await recordPollSuccess(database.db, a.id, { checkpoint: 'a-1', read: 1 });
    await recordPollSuccess(database.db, b.id, { checkpoint: 'b-1', read: 1 });
    await recordPollError(database.db, b.id, 'boom', { status: 'failing' });
    expect(await read(a.id)).toMatchObject({ checkpoint: 'a-1', status: 'active', lastError: null });
  });
});

describe('listEnabledQueries', () => {
  it('lists the enabled queries only, oldest first', async () => {
    const on = await newQuery();
    const off = await newQuery({ enabled: false });
    const ids = (await listEnabledQueries(database.db)).map((q) => q.id);
    expect(ids).toContain(on.id);
    expect(ids).not.toContain(off.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });
});

describe('readsTodayOf and nextUtcDay', () => {
  it('count reads of the stored day only, and name the next UTC midnight', () => {
    const q = { readsToday: 42, readsDay: '2026-12-03' };
    expect(readsTodayOf(q, new Date('2026-12-03T23:59:59Z'))).toBe(42);
    expect(readsTodayOf(q, new Date('2026-12-04T00:00:00Z'))).toBe(0);
    expect(readsTodayOf({ readsToday: 5, readsDay: null }, new Date('2026-12-03T10:00:00Z'))).toBe(0);
    expect(nextUtcDay(new Date('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
