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

/** Saved only after every batch of the poll was enqueued: the no-loss contract. */
export async function recordPollSuccess(
  db: Db,
  id: number,
  result: { checkpoint: string | null; read: number },
): Promise<void> {
  await db
    .update(trackedQueries)
    .set({
      checkpoint: result.checkpoint,
      lastPolledAt: sql`now()`,
      lastError: null,
      status: 'active',
      pausedUntil: null,
      // Reads are counted per UTC day; a new day starts the count again.
      readsToday: sql`CASE WHEN ${trackedQueries.readsDay} = (now() AT TIME ZONE 'UTC')::date
        THEN ${trackedQueries.readsToday} + ${result.read} ELSE ${result.read} END`,
      readsDay: sql`(now() AT TIME ZONE 'UTC')::date`,
      updatedAt: sql`now()`,
    })
    .where(eq(trackedQueries.id, id));
}

/** `failing` stops polling until the query is edited; `pausedUntil` holds polls back until then. */
export async function recordPollError(
  db: Db,
  id: number,
  message: string,
  opts: { status?: 'failing'; pausedUntil?: Date } = {},
): Promise<void> {
  await db
    .update(trackedQueries)
    .set({
      lastError: message.slice(0, 2000),
      lastPolledAt: sql`now()`,
      ...(opts.status ? { status: opts.status } : {}),
      ...(opts.pausedUntil ? { pausedUntil: opts.pausedUntil } : {}),
    })
    .where(eq(trackedQueries.id, id));
}
