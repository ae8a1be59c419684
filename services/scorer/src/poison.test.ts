import { ensureQuery, listRejections } from '@goodchatter/db';
import { createQueue, createWorker, OUTAGE_PREFIX, QUEUES, reviveOutageFailures } from '@goodchatter/queues';
import { mentionInput } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { scoreBatch } from './processors/score.js';
import { createQueryContexts } from './query-context.js';
import { useScorerTestEnv } from './test/scorer-test-env.js';

const t = useScorerTestEnv();

/** A valid pushed mention; `over` may make it invalid, which a score job must survive. */
const good = (over: Record<string, unknown> = {}) => ({ ...mentionInput({ source: 'push' }), ...over });

const storedIds = async () =>
  (
    await t.database.pool.query<{ external_id: string }>('SELECT external_id FROM mentions ORDER BY external_id')
  ).rows.map((r) => r.external_id);

describe('a poisoned score batch', () => {
  it('stores every good item and sets each bad one aside with its reason', async () => {
    const notifyQueue = createQueue(QUEUES.notify, { connection: t.redis, prefix: t.env.prefix });
    const deleted = await ensureQuery(t.database.db, { brand: 'Acme', source: 'replay', query: '/tmp/gone.jsonl' });
    await t.database.pool.query('DELETE FROM tracked_queries WHERE id = $1', [deleted.id]);
    const mentions: unknown[] = [
      ...Array.from({ length: 19 }, () => good()),
      good({ externalId: 'bad-followers', author: { handle: 'x', followers: 3_000_000_000 } }),
      good({ externalId: 'bad-nul', text: 'nul \u0000 here' }),
      good({ externalId: 'bad-handle', author: { handle: 'a\u0000b' } }),
      good({ externalId: 'bad-year', postedAt: '0000-01-01T00:00:00Z' }),
      good({ externalId: 'bad-surrogate', text: 'lone \ud800 surrogate' }),
      'not even an object',
      // Valid, but its tracked query was deleted while it waited: stored without the query.
      good({ externalId: 'orphan', queryId: deleted.id }),
    ];
    const contexts = createQueryContexts(t.database.db, {});
    const out = await scoreBatch({ database: t.database, notifyQueue, contexts }, { mentions, enqueuedAt: Date.now() });
    expect(out).toMatchObject({ received: 26, inserted: 20, rejected: 6 });
    const ids = await storedIds();
    expect(ids).toHaveLength(20);
    expect(ids).toContain('orphan');
    const page = await listRejections(t.database.db, { limit: 100 });
    expect(page.data.map((r) => r.reason).sort()).toEqual(
      [
        'author.followers: Too big: expected number to be <=2147483647',
        'author.handle: must not contain NUL bytes or unpaired surrogates',
        'mention: Invalid input: expected object, received string',
        'postedAt: must be on or after 1970-01-01T00:00:00Z',
        'text: must not contain NUL bytes or unpaired surrogates',
        'text: must not contain NUL bytes or unpaired surrogates',
      ].sort(),
    );
    const nul = page.data.find((r) => r.externalId === 'bad-nul');
    expect(nul).toMatchObject({ stage: 'score', source: 'push' });
    expect(JSON.parse(nul?.payload ?? '{}').text).toBe('nul \u0000 here');
    await notifyQueue.close();
  });
});

describe('jobs that failed during an outage', () => {
  it('are tagged as outages and queued again with fresh attempts; poison stays failed', async () => {
    const prefix = `${t.env.prefix}-outage`;
    const queue = createQueue(QUEUES.score, { connection: t.redis, prefix });
    let dbAway = true;
    const worker = createWorker(
      QUEUES.score,
      async (payload) => {
        const first = payload.mentions[0] as { externalId: string };
        if (first.externalId === 'poison') throw new Error('cannot be stored');
        if (dbAway) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return 'stored';
      },
      { connection: t.redis, prefix, onError: () => {} },
    );
    const opts = { attempts: 2, backoff: { type: 'fixed' as const, delay: 10 } };
    await queue.add('batch', { mentions: [good()], enqueuedAt: Date.now() }, { ...opts, jobId: 'outage' });
    await queue.add(
      'batch',
      { mentions: [good({ externalId: 'poison' })], enqueuedAt: Date.now() },
      { ...opts, jobId: 'poison' },
    );
    await expect.poll(() => queue.getFailedCount(), { message: 'both jobs failed', timeout: 30_000 }).toBe(2);
    const outage = await queue.getJob('outage');
    expect(outage?.failedReason).toBe(`${OUTAGE_PREFIX}connect ECONNREFUSED 127.0.0.1:5432`);
    expect(outage?.attemptsMade).toBe(2);

    dbAway = false;
    expect(await reviveOutageFailures(queue)).toBe(1);
    await expect
      .poll(() => queue.getJobState('outage'), { message: 'the revived job completed', timeout: 30_000 })
      .toBe('completed');
    expect(await queue.getJobState('poison')).toBe('failed');
    expect(await reviveOutageFailures(queue)).toBe(0);
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
