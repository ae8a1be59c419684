import { type AlertingLabel, type RejectStage, toStorableText } from '@goodchatter/core';
import { count, desc, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { alertingLabelSql } from '../schema/mention-rank.js';
import { type NewRejectedMention, type RejectedMentionRow, rejectedMentions } from '../schema/rejected-mentions.js';

/** A readable, storable copy of text that may hold NUL bytes or lone surrogates. */
const readable = (s: unknown, max = 1000): string | null =>
  typeof s === 'string' ? toStorableText(s.slice(0, max)) : null;

export interface Rejection {
  stage: RejectStage;
  /** The item as received; stored as JSON text. */
  item: unknown;
  reason: string;
  queryId?: number | null;
  line?: number | null;
}

/** Records dead letters (one statement); never throws on odd characters in the item. */
export async function recordRejections(db: Db, rejections: Rejection[]): Promise<void> {
  if (rejections.length === 0) return;
  const rows: NewRejectedMention[] = rejections.map((r) => {
    const item = (r.item ?? {}) as Record<string, unknown>;
    const queryId = r.queryId ?? item.queryId;
    return {
      stage: r.stage,
      source: readable(item.source, 64),
      externalId: readable(item.externalId ?? item.id, 256),
      queryId:
        Number.isInteger(queryId) && (queryId as number) > 0 && (queryId as number) <= 2_147_483_647
          ? (queryId as number)
          : null,
      line: r.line ?? null,
      reason: readable(r.reason, 2000) ?? 'unknown',
      // JSON.stringify escapes NUL and lone surrogates, so the text is always storable.
      payload: (JSON.stringify(r.item) ?? 'null').slice(0, 100_000),
    };
  });
  await db.insert(rejectedMentions).values(rows);
}

export interface RejectedPage {
  data: RejectedMentionRow[];
  nextCursor: number | null;
}

/** Dead letters, newest first, by keyset on id. */
export async function listRejections(db: Db, page: { limit: number; before?: number }): Promise<RejectedPage> {
  const rows = await db
    .select()
    .from(rejectedMentions)
    .where(page.before ? lt(rejectedMentions.id, page.before) : undefined)
    .orderBy(desc(rejectedMentions.id))
    .limit(page.limit + 1);
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > page.limit && last ? last.id : null };
}

/** Dead letters per stage (for the metric). */
export async function countRejections(db: Db): Promise<{ stage: string; count: number }[]> {
  const rows = await db
    .select({ stage: rejectedMentions.stage, count: count() })
    .from(rejectedMentions)
    .groupBy(rejectedMentions.stage);
  return rows.map((r) => ({ stage: r.stage, count: Number(r.count) }));
}

/**
 * Praise and complaints stored more than `olderThanMs` ago (within the last `withinMs`)
 * that no notifier has taken: their notify job was lost (Redis lost data, or a job failed
 * for good). The partial index `mentions_unalerted_idx` keeps this cheap.
 */
export async function findLostAlerts(
  db: Db,
  opts: { olderThanMs: number; withinMs: number; limit: number },
): Promise<{ id: number; label: AlertingLabel }[]> {
  const { rows } = await db.$client.query<{ id: string; label: AlertingLabel }>(
    `SELECT id, label FROM mentions
     WHERE alerted_at IS NULL AND ${alertingLabelSql()}
       AND scored_at < now() - $1::int * interval '1 millisecond'
       AND scored_at > now() - $2::int8 * interval '1 millisecond'
     ORDER BY id LIMIT $3`,
    [opts.olderThanMs, opts.withinMs, opts.limit],
  );
  return rows.map((r) => ({ id: Number(r.id), label: r.label }));
}
