import type { QueryStatus } from '@goodchatter/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type NewTrackedQuery, type TrackedQuery, trackedQueries } from '../schema/tracked-queries.js';

export async function listEnabledQueries(db: Db): Promise<TrackedQuery[]> {
  return db.select().from(trackedQueries).where(eq(trackedQueries.enabled, true)).orderBy(trackedQueries.id);
}

export async function getQuery(db: Db, id: number): Promise<TrackedQuery | undefined> {
  const [row] = await db.select().from(trackedQueries).where(eq(trackedQueries.id, id));
  return row;
}

/** Creates the query unless one with the same source and query text exists; returns it either way. */
export async function ensureQuery(db: Db, input: NewTrackedQuery): Promise<TrackedQuery> {
  const [created] = await db.insert(trackedQueries).values(input).onConflictDoNothing().returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(trackedQueries)
    .where(and(eq(trackedQueries.source, input.source), eq(trackedQueries.query, input.query)));
  if (!existing) throw new Error(`tracked query ${input.source}:${input.query} vanished while being created`);
  return existing;
}

/** Today's read count (UTC), plus `read`; a new day starts the count again. */
const addReads = (read: number) =>
  sql`CASE WHEN ${trackedQueries.readsDay} = (now() AT TIME ZONE 'UTC')::date
    THEN ${trackedQueries.readsToday} + ${read} ELSE ${read} END`;
const utcToday = sql`(now() AT TIME ZONE 'UTC')::date`;

export interface PollSuccess {
  checkpoint: string | null;
  read: number;
  /** No poll before this: X's rate-limit reset, or the next UTC day once the budget is spent. */
  pausedUntil?: Date;
  /** `paused` when the daily budget is spent (ends with the day, or when the budget is edited). */
  status?: Exclude<QueryStatus, 'failing'>;
  /**
   * The query text that was polled: if someone changed it meanwhile, the checkpoint belongs
   * to the old text and is not saved (the edit already reset it).
   */
  polledQuery?: string;
}

/** Saved only after every batch of the poll was enqueued: the no-loss contract. */
export async function recordPollSuccess(db: Db, id: number, result: PollSuccess): Promise<void> {
  const sameText = result.polledQuery === undefined ? undefined : eq(trackedQueries.query, result.polledQuery);
  const updated = await db
    .update(trackedQueries)
    .set({
      checkpoint: result.checkpoint,
      lastPolledAt: sql`now()`,
      lastError: null,
      status: result.status ?? 'active',
      pausedUntil: result.pausedUntil ?? null,
      readsToday: addReads(result.read),
      readsDay: utcToday,
      updatedAt: sql`now()`,
    })
    .where(and(eq(trackedQueries.id, id), sameText))
    .returning({ id: trackedQueries.id });
  if (updated.length === 0 && sameText) {
    // Edited while polling: still count what X billed.
    await db
      .update(trackedQueries)
      .set({ readsToday: addReads(result.read), readsDay: utcToday, lastPolledAt: sql`now()` })
      .where(eq(trackedQueries.id, id));
  }
}

/**
 * `failing` stops polling until the query is edited; `paused` waits for the next budget
 * day; `pausedUntil` holds polls back until then. `read` counts posts X billed before the
 * error (a drain can fail after some pages).
 */
export async function recordPollError(
  db: Db,
  id: number,
  message: string,
  opts: { status?: Exclude<QueryStatus, 'active'>; pausedUntil?: Date; read?: number } = {},
): Promise<void> {
  await db
    .update(trackedQueries)
    .set({
      lastError: message.slice(0, 2000),
      lastPolledAt: sql`now()`,
      ...(opts.status ? { status: opts.status } : {}),
      ...(opts.pausedUntil ? { pausedUntil: opts.pausedUntil } : {}),
      ...(opts.read ? { readsToday: addReads(opts.read), readsDay: utcToday } : {}),
    })
    .where(eq(trackedQueries.id, id));
}

/** The daily budget is spent: no poll until `until` (the next UTC day). Not an error. */
export async function pauseForBudget(db: Db, id: number, until: Date): Promise<void> {
  await db
    .update(trackedQueries)
    .set({ status: 'paused', pausedUntil: until, updatedAt: sql`now()` })
    .where(eq(trackedQueries.id, id));
}
