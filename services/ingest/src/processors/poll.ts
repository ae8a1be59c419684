import type { MentionInput } from '@goodchatter/core';
import {
  type Database,
  getQuery,
  nextUtcDay,
  pauseForBudget,
  readsTodayOf,
  recordPollError,
  recordPollSuccess,
  recordRejections,
  type TrackedQuery,
} from '@goodchatter/db';
import type { Queue, ScoreJob } from '@goodchatter/queues';
import { type SourceAdapter, SourceAuthError, SourceQueryError, SourceRateLimitedError } from '@goodchatter/sources';
import type { Logger } from 'pino';

export interface PollDeps {
  database: Database;
  scoreQueue: Queue<ScoreJob>;
  sources: Record<string, SourceAdapter>;
  logger: Logger;
  now?: () => number;
}

export type PollOutcome =
  | { status: 'polled'; read: number; enqueued: number }
  | { status: 'skipped'; reason: string }
  /** Another poll of the query holds its lock. */
  | { status: 'busy' }
  | { status: 'rate-limited'; resetAt: number };

const LOCK_NAMESPACE = 7152025;
/**
 * X's smallest page is 10 posts: with fewer left in today's budget no request can stay
 * inside it, so the budget counts as spent.
 */
const SMALLEST_PAGE = 10;

/**
 * One poll of one tracked query:
 * 1. lock the query (a slow poll and the next scheduler tick must not overlap);
 * 2. read everything after the checkpoint, enqueueing each page to `score`;
 * 3. only then save the new checkpoint, today's reads, and any pause (budget spent,
 *    rate-limit window spent).
 * A crash before step 3 re-reads from the old checkpoint; the scorer absorbs duplicates.
 */
export async function pollQuery(deps: PollDeps, queryId: number): Promise<PollOutcome> {
  const lock = await deps.database.pool.connect();
  try {
    const { rows } = await lock.query('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_NAMESPACE, queryId]);
    if (!rows[0]?.ok) return { status: 'busy' };
    try {
      return await pollLocked(deps, queryId);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, queryId]);
    }
  } finally {
    lock.release();
  }
}

/** Why this query must not be polled now, if it must not. */
function holdReason(q: TrackedQuery, now: number): string | undefined {
  if (!q.enabled) return 'query disabled';
  if (q.status === 'failing') return 'query failing';
  if (q.pausedUntil && q.pausedUntil.getTime() > now) return `paused until ${q.pausedUntil.toISOString()}`;
  return undefined;
}

async function pollLocked(deps: PollDeps, queryId: number): Promise<PollOutcome> {
  const { db } = deps.database;
  const now = deps.now ?? Date.now;
  const q = await getQuery(db, queryId);
  if (!q) return { status: 'skipped', reason: 'query deleted' };
  const hold = holdReason(q, now());
  if (hold) return { status: 'skipped', reason: hold };
  const adapter = deps.sources[q.source];
  if (!adapter) {
    await recordPollError(db, q.id, `source '${q.source}' is not configured`);
    return { status: 'skipped', reason: 'source not configured' };
  }
  const metered = adapter.metered === true;
  const budget = metered ? q.dailyBudget - readsTodayOf(q, new Date(now())) : undefined;
  if (budget !== undefined && budget < SMALLEST_PAGE) {
    await pauseForBudget(db, q.id, nextUtcDay(new Date(now())));
    return { status: 'skipped', reason: 'daily budget spent' };
  }

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
    // Lines that can never be stored are skipped, never the page: each one is kept as a
    // dead letter with its line number (GET /v1/rejected).
    if (result.skipped?.length) {
      await recordRejections(
        db,
        result.skipped.map((s) => ({ stage: 'replay', item: s.raw, reason: s.error, queryId: q.id, line: s.line })),
      );
    }
    const { rateLimit } = result;
    const budgetSpent = budget !== undefined && budget - result.read < SMALLEST_PAGE;
    const windowSpent = rateLimit !== undefined && rateLimit.remaining === 0 && rateLimit.resetAt > now();
    await recordPollSuccess(db, q.id, {
      checkpoint: result.checkpoint,
      read: result.read,
      polledQuery: q.query,
      // The budget pause (next UTC day) outlasts any rate-limit window.
      ...(budgetSpent
        ? { status: 'paused', pausedUntil: nextUtcDay(new Date(now())) }
        : windowSpent
          ? { pausedUntil: new Date(rateLimit.resetAt) }
          : {}),
    });
    deps.logger.info({ queryId: q.id, read: result.read, enqueued, budgetSpent, windowSpent }, 'poll done');
    return { status: 'polled', read: result.read, enqueued };
  } catch (err) {
    // Posts handed over before the error were read (and billed by X).
    const read = metered ? enqueued : 0;
    if (err instanceof SourceRateLimitedError) {
      await recordPollError(db, q.id, err.message, { pausedUntil: new Date(err.resetAt), read });
      return { status: 'rate-limited', resetAt: err.resetAt };
    }
    if (err instanceof SourceAuthError || err instanceof SourceQueryError) {
      // Retrying cannot help: the query stops polling until someone edits it.
      await recordPollError(db, q.id, err.message, { status: 'failing', read });
      deps.logger.warn({ queryId: q.id, err: err.message }, 'query failing');
      return { status: 'skipped', reason: err.message };
    }
    await recordPollError(db, q.id, (err as Error).message, { read });
    throw err;
  }
}
