import { ACTED_ON_STATUSES } from '@goodchatter/core';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type MentionEventRow, mentionEvents } from '../schema/mention-events.js';
import { type MentionRow, mentions } from '../schema/mentions.js';
import type { Tx } from '../transaction.js';

export interface WorkflowChange {
  status?: string;
  note?: string;
  label?: string;
  reason?: string;
}

/**
 * What else a status change records, run inside the change's transaction (the API passes
 * @goodchatter/webhooks' `recordStatusChanged`), so both commit together or not at all.
 */
export type StatusChangeHook = (tx: Tx, change: { mentionId: number; from: string; to: string }) => Promise<unknown>;

/**
 * Applies a care-team change to one mention and records it in its history, in one
 * transaction (the row is locked, so two concurrent edits each record the right "from").
 * Returns undefined when there is no such mention.
 */
export async function updateMentionWorkflow(
  db: Db,
  id: number,
  change: WorkflowChange,
  keyId: string,
  opts: { onStatusChange?: StatusChangeHook } = {},
): Promise<MentionRow | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(mentions).where(eq(mentions.id, id)).for('update');
    if (!current) return undefined;
    const set: Partial<MentionRow> = {};
    const at = new Date();
    if (change.status !== undefined) {
      Object.assign(set, { status: change.status, statusNote: change.note ?? null, statusBy: keyId, statusAt: at });
      await tx.insert(mentionEvents).values({
        mentionId: id,
        kind: 'status',
        keyId,
        at,
        fromStatus: current.status,
        toStatus: change.status,
        note: change.note ?? null,
      });
    }
    if (change.label !== undefined) {
      Object.assign(set, { labelOverride: change.label, overrideReason: change.reason ?? null });
      await tx.insert(mentionEvents).values({
        mentionId: id,
        kind: 'label',
        keyId,
        at,
        fromLabel: current.labelOverride ?? current.label,
        toLabel: change.label,
        reason: change.reason ?? null,
      });
    }
    const [updated] = await tx.update(mentions).set(set).where(eq(mentions.id, id)).returning();
    // In the same transaction: a status change and its webhook event commit together or not at all.
    if (opts.onStatusChange && change.status !== undefined && change.status !== current.status) {
      await opts.onStatusChange(tx, { mentionId: id, from: current.status, to: change.status });
    }
    return updated;
  });
}

export async function listMentionHistory(db: Db, mentionId: number): Promise<MentionEventRow[]> {
  return db.select().from(mentionEvents).where(eq(mentionEvents.mentionId, mentionId)).orderBy(asc(mentionEvents.id));
}

/** A mention the care team labelled, as training reads it: the classifier's label and theirs. */
interface TeamLabelled {
  mentionId: number;
  text: string;
  lang: string | null;
  /** The mention's brand (its tracked query's), for per-brand learning. */
  brand: string | null;
  predicted: string;
  corrected: string;
  at: Date;
}

/** A label override: the team corrected the classifier. */
export interface FeedbackItem extends TeamLabelled {
  eventId: number;
  reason: string | null;
}

/**
 * Pages through a table by an increasing id: `page(after)` returns up to `batchSize` rows
 * with ids above `after`; stops at the first short page. Constant memory for any history.
 */
async function* keysetPages<T>(
  page: (after: number) => Promise<T[]>,
  idOf: (row: T) => number,
  batchSize: number,
): AsyncGenerator<T> {
  let after = 0;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < batchSize) return;
    after = idOf(last);
  }
}

/**
 * Every label override with the text and the classifier's own label, oldest first, read
 * in keyset batches so a large history streams in constant memory.
 */
export function iterateFeedback(db: Db, batchSize = 1000): AsyncGenerator<FeedbackItem> {
  const page = (after: number) =>
    db
      .select({
        eventId: mentionEvents.id,
        mentionId: mentionEvents.mentionId,
        text: mentions.text,
        lang: mentions.lang,
        brand: mentions.brand,
        predicted: mentions.label,
        corrected: sql<string>`${mentionEvents.toLabel}`,
        reason: mentionEvents.reason,
        at: mentionEvents.at,
      })
      .from(mentionEvents)
      .innerJoin(mentions, eq(mentions.id, mentionEvents.mentionId))
      .where(and(eq(mentionEvents.kind, 'label'), gt(mentionEvents.id, after)))
      .orderBy(asc(mentionEvents.id))
      .limit(batchSize);
  return keysetPages(page, (r) => r.eventId, batchSize);
}

/** Praise the team acted on as praise: `corrected` is the classifier's own label. */
export interface ConfirmationItem extends TeamLabelled {
  reason: string;
}

/**
 * Praise the team confirmed without touching the label: mentions labelled praise by the
 * classifier that someone thanked or rewarded. Corrections alone are a biased sample (only
 * the model's errors, mostly false praise); a model retrained on them alone learns that a
 * brand's stream is rarely praise and loses recall (measured: `pnpm bench feedback`).
 * Confirmations balance them. Oldest id first, in keyset batches.
 */
export async function* iterateConfirmedPraise(db: Db, batchSize = 1000): AsyncGenerator<ConfirmationItem> {
  const page = (after: number) =>
    db
      .select({
        mentionId: mentions.id,
        text: mentions.text,
        lang: mentions.lang,
        brand: mentions.brand,
        predicted: mentions.label,
        corrected: mentions.label,
        status: mentions.status,
        at: sql<Date>`coalesce(${mentions.statusAt}, ${mentions.scoredAt})`.mapWith(mentions.scoredAt),
      })
      .from(mentions)
      .where(
        and(
          gt(mentions.id, after),
          sql`${mentions.labelOverride} IS NULL AND ${mentions.label} = 'praise' AND ${mentions.status} IN (${sql.join(
            ACTED_ON_STATUSES.map((s) => sql`${s}`),
            sql`, `,
          )})`,
        ),
      )
      .orderBy(asc(mentions.id))
      .limit(batchSize);
  for await (const { status, ...r } of keysetPages(page, (row) => row.mentionId, batchSize)) {
    yield { ...r, reason: `confirmed: ${status}` };
  }
}
