import { createDatabase, ensureQuery, getQuery, nextUtcDay, recordPollSuccess, updateQuery } from '@goodchatter/db';
import { createTestEnv } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';

describe('what a poll records', () => {
  it('counts reads per UTC day and keeps an edited query’s reset checkpoint', async () => {
    const env = await createTestEnv();
    const database = createDatabase(env.databaseUrl, { max: 2 });
    try {
      const { db } = database;
      const q = await ensureQuery(db, { brand: 'A', source: 'x', query: 'old text' });
      await recordPollSuccess(db, q.id, { checkpoint: '100', read: 40, polledQuery: 'old text' });
      await recordPollSuccess(db, q.id, { checkpoint: '200', read: 2, polledQuery: 'old text' });
      expect(await getQuery(db, q.id)).toMatchObject({ checkpoint: '200', readsToday: 42 });

      // Yesterday's count does not carry over.
      await database.pool.query('UPDATE tracked_queries SET reads_day = reads_day - 1 WHERE id = $1', [q.id]);
      await recordPollSuccess(db, q.id, { checkpoint: '300', read: 5, polledQuery: 'old text' });
      expect((await getQuery(db, q.id))?.readsToday).toBe(5);

      // Edited while a poll of the old text ran: that poll's checkpoint must not land on the new text.
      await updateQuery(db, q.id, { query: 'new text' });
      await recordPollSuccess(db, q.id, { checkpoint: '400', read: 7, polledQuery: 'old text' });
      expect(await getQuery(db, q.id)).toMatchObject({ query: 'new text', checkpoint: null, readsToday: 12 });
    } finally {
      await database.close();
      await env.cleanup();
    }
  });

  it('resumes budgets at the next 00:00 UTC', () => {
    expect(nextUtcDay(new Date('2026-11-23T23:59:59.999Z')).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(nextUtcDay(new Date('2026-12-31T00:00:00.000Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
