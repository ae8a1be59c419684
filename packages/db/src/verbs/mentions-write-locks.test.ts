import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/fresh-database.js';
import { mentionRow } from '../test/mention-row.js';
import { insertMentions } from './mentions-write.js';

// Two scorers can store batches that share posts in different orders (a retried batch, a
// page read twice). Claiming keys in batch order let each hold a key the other waited for:
// Postgres then aborted one with "deadlock detected" (seen in CI). Keys are now claimed in
// one fixed order; this fails within a few rounds if that order is lost.
describe('insertMentions under contention', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase({ max: 12 });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('never deadlocks: 10 writers, the same 200 posts, half of them in reverse order, 30 rounds', async () => {
    for (let round = 0; round < 30; round++) {
      const source = `locks-${randomUUID().slice(0, 8)}`;
      const posts = Array.from({ length: 200 }, (_, i) => mentionRow(`k${i}`, { source }));
      const batches = Array.from({ length: 10 }, (_, w) => (w % 2 === 0 ? posts : [...posts].reverse()));
      const results = await Promise.all(batches.map((b) => insertMentions(database.db, b)));
      // Each post stored once and reported by exactly one writer.
      expect(results.flat()).toHaveLength(200);
    }
  });
});
