import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { mentions, type NewMentionRow } from '../schema/mentions.js';

export interface InsertedMention {
  id: number;
  label: string;
}

/**
 * Stores scored mentions; a (source, external id) already stored is left as it was.
 * Returns only the rows this call inserted, so callers alert exactly once.
 */
export async function insertMentions(db: Db, rows: NewMentionRow[]): Promise<InsertedMention[]> {
  if (rows.length === 0) return [];
  return db
    .insert(mentions)
    .values(rows)
    .onConflictDoNothing({ target: [mentions.source, mentions.externalId] })
    .returning({ id: mentions.id, label: mentions.label });
}

/**
 * Praise among these keys whose alert was not yet taken by the notifier. A scorer retrying
 * a batch (after a crash between insert and enqueue) finds its un-alerted praise here.
 */
export async function findUnalertedPraise(db: Db, keys: { source: string; externalId: string }[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const bySource = new Map<string, string[]>();
  for (const k of keys) bySource.set(k.source, [...(bySource.get(k.source) ?? []), k.externalId]);
  const ids: number[] = [];
  for (const [source, externalIds] of bySource) {
    const rows = await db
      .select({ id: mentions.id })
      .from(mentions)
      .where(
        and(
          eq(mentions.source, source),
          inArray(mentions.externalId, externalIds),
          eq(mentions.label, 'praise'),
          isNull(mentions.alertedAt),
        ),
      );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
