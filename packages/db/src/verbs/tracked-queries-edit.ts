/**
 * Tracked queries as people manage them (the API): create, list, change, delete.
 * The rules about what an edit resets live here, not in the routes.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type NewTrackedQuery, type TrackedQuery, trackedQueries } from '../schema/tracked-queries.js';

export async function listQueries(db: Db): Promise<TrackedQuery[]> {
  return db.select().from(trackedQueries).orderBy(trackedQueries.id);
}

/** Undefined when a query with the same source and text already exists. */
export async function createQuery(db: Db, input: NewTrackedQuery): Promise<TrackedQuery | undefined> {
  const [created] = await db
    .insert(trackedQueries)
    .values(input)
    .onConflictDoNothing({ target: [trackedQueries.source, trackedQueries.query] })
    .returning();
  return created;
}

export interface QueryPatch {
  brand?: string;
  query?: string;
  enabled?: boolean;
  pollIntervalMs?: number;
  lookbackSeconds?: number;
  dailyBudget?: number;
  rules?: { phrase: string; label: string }[];
}

export type UpdateOutcome =
  | { ok: true; before: TrackedQuery; after: TrackedQuery }
  | { ok: false; reason: 'not_found' | 'conflict' };

/** The derived changes an edit implies, beyond the fields it sets. */
function consequences(before: TrackedQuery, patch: QueryPatch): Partial<TrackedQuery> {
  const out: Partial<TrackedQuery> = {};
  const newText = patch.query !== undefined && patch.query !== before.query;
  // A checkpoint belongs to the query text it was read with; new text starts from the lookback.
  if (newText) out.checkpoint = null;
  // `failing` (credentials refused, query rejected) waits for someone to act: new text or
  // switching the query (back) on is that act. Brand or interval edits are not.
  if (before.status === 'failing' && (newText || patch.enabled === true)) {
    out.status = 'active';
    out.lastError = null;
  }
  // A budget pause ends when the budget changes; the poller re-checks what is left today.
  if (before.status === 'paused' && patch.dailyBudget !== undefined && patch.dailyBudget !== before.dailyBudget) {
    out.status = 'active';
    out.pausedUntil = null;
  }
  return out;
}

function isUniqueViolation(err: unknown): boolean {
  const code = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);
  // drizzle wraps driver errors in DrizzleQueryError, with pg's error as `cause`.
  return code(err) === '23505' || (err instanceof Error && code(err.cause) === '23505');
}

export async function updateQuery(db: Db, id: number, patch: QueryPatch): Promise<UpdateOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(trackedQueries).where(eq(trackedQueries.id, id)).for('update');
      if (!before) return { ok: false, reason: 'not_found' } as const;
      const [after] = await tx
        .update(trackedQueries)
        .set({ ...patch, ...consequences(before, patch), updatedAt: sql`now()` })
        .where(eq(trackedQueries.id, id))
        .returning();
      if (!after) return { ok: false, reason: 'not_found' } as const;
      return { ok: true, before, after } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, reason: 'conflict' };
    throw err;
  }
}

/** Stored mentions stay: `mentions.query_id` is set to null by the foreign key. */
export async function deleteQuery(db: Db, id: number): Promise<boolean> {
  const deleted = await db.delete(trackedQueries).where(eq(trackedQueries.id, id)).returning({ id: trackedQueries.id });
  return deleted.length > 0;
}

/** Reads counted today (UTC): the stored count belongs to `readsDay`, which may be an older day. */
export function readsTodayOf(q: Pick<TrackedQuery, 'readsToday' | 'readsDay'>, now = new Date()): number {
  return q.readsDay === now.toISOString().slice(0, 10) ? q.readsToday : 0;
}

/** Midnight UTC after `now`: when a spent daily budget is available again. */
export function nextUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}
