import type { MentionInput } from '@goodchatter/core';
import { type Database, getQuery, recordPollError, recordPollSuccess, type TrackedQuery } from '@goodchatter/db';
import type { Queue, ScoreJob } from '@goodchatter/queues';
import { type SourceAdapter, SourceAuthError, SourceQueryError, SourceRateLimitedError } from '@goodchatter/sources';
import type { Logger } from 'pino';

export interface PollDeps {
  database: Database;
  scoreQueue: Queue<ScoreJob>;
  sources: Record<string, SourceAdapter>;
  logger: Logger;
}

export type PollOutcome =
  | { status: 'polled'; read: number; enqueued: number }
  | { status: 'skipped'; reason: string }
  | { status: 'rate-limited'; resetAt: number };

const LOCK_NAMESPACE = 7152025;

function remainingBudget(q: TrackedQuery, metered: boolean): number | undefined {
  if (!metered) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  return q.dailyBudget - (q.readsDay === today ? q.readsToday : 0);
}

/**
 * One poll of one tracked query:
 * 1. lock the query (a slow poll and the next scheduler tick must not overlap);
 * 2. read everything after the checkpoint, enqueueing each page to `score`;
 * 3. only then save the new checkpoint.
 * A crash before step 3 re-reads from the old checkpoint; the scorer absorbs duplicates.
 */
export async function pollQuery(deps: PollDeps, queryId: number): Promise<PollOutcome> {
  const lock = await deps.database.pool.connect();
  try {
    const { rows } = await lock.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_NAMESPACE, queryId]);
    if (!rows[0]?.ok) return { status: 'skipped', reason: 'poll already running' };
    try {
      return await pollLocked(deps, queryId);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, queryId]);
    }
  } finally {
    lock.release();
  }
}

async function pollLocked(deps: PollDeps, queryId: number): Promise<PollOutcome> {
  const { db } = deps.database;
  const q = await getQuery(db, queryId);
  if (!q) return { status: 'skipped', reason: 'query deleted' };
  if (!q.enabled || q.status === 'failing') return { status: 'skipped', reason: `query ${q.status}` };
  if (q.pausedUntil && q.pausedUntil.getTime() > Date.now()) return { status: 'skipped', reason: 'paused' };
  const adapter = deps.sources[q.source];
  if (!adapter) {
    await recordPollError(db, q.id, `source '${q.source}' is not configured`);
    return { status: 'skipped', reason: 'source not configured' };
  }
  const budget = remainingBudget(q, adapter.metered === true);
  if (budget !== undefined && budget <= 0) return { status: 'skipped', reason: 'daily budget spent' };

  let enqueued = 0;
  const onBatch = async (mentions: MentionInput[]) => {
    await deps.scoreQueue.add('batch', { mentions, enqueuedAt: Date.now() });
    enqueued += mentions.length;
  };
  try {
    const result = await adapter.fetchNew({
      query: { id: q.id, brand: q.brand, source: q.source, query: q.query, lookbackSeconds: q.lookbackSeconds },
      checkpoint: q.checkpoint,
      onBatch,
      maxItems: budget,
    });
    await recordPollSuccess(db, q.id, result);
    deps.logger.info({ queryId: q.id, read: result.read, enqueued }, 'poll done');
    return { status: 'polled', read: result.read, enqueued };
  } catch (err) {
    if (err instanceof SourceRateLimitedError) {
      await recordPollError(db, q.id, err.message, { pausedUntil: new Date(err.resetAt) });
      return { status: 'rate-limited', resetAt: err.resetAt };
    }
    if (err instanceof SourceAuthError || err instanceof SourceQueryError) {
      // Retrying cannot help: the query stops polling until someone edits it.
      await recordPollError(db, q.id, err.message, { status: 'failing' });
      deps.logger.warn({ queryId: q.id, err: err.message }, 'query failing');
      return { status: 'skipped', reason: err.message };
    }
    await recordPollError(db, q.id, (err as Error).message);
    throw err;
  }
}
