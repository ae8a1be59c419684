import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type MentionRow, mentions } from '../schema/mentions.js';

export interface MentionFilter {
  label?: string;
  source?: string;
  /** Inclusive lower bound on posted time. */
  since?: Date;
  /** Exclusive upper bound on posted time. */
  until?: Date;
}

/** Position after the last row of a page, newest first: (postedAt, id) never repeats. */
export interface MentionCursor {
  postedAt: Date;
  id: number;
}

/**
 * A page of mentions, newest first, by keyset on (posted_at, id): rows inserted while a
 * client pages can never shift or repeat what it has not yet seen.
 */
export async function listMentions(
  db: Db,
  filter: MentionFilter,
  page: { limit: number; after?: MentionCursor },
): Promise<{ rows: MentionRow[]; next?: MentionCursor }> {
  const where: SQL[] = [];
  if (filter.label) where.push(eq(mentions.label, filter.label));
  if (filter.source) where.push(eq(mentions.source, filter.source));
  if (filter.since) where.push(gte(mentions.postedAt, filter.since));
  if (filter.until) where.push(lt(mentions.postedAt, filter.until));
  if (page.after) {
    const { postedAt, id } = page.after;
    const before = or(lt(mentions.postedAt, postedAt), and(eq(mentions.postedAt, postedAt), lt(mentions.id, id)));
    if (before) where.push(before);
  }
  const rows = await db
    .select()
    .from(mentions)
    .where(and(...where))
    .orderBy(desc(mentions.postedAt), desc(mentions.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const data = more ? rows.slice(0, page.limit) : rows;
  const last = data.at(-1);
  return { rows: data, next: more && last ? { postedAt: last.postedAt, id: last.id } : undefined };
}

export async function getMention(db: Db, id: number): Promise<MentionRow | undefined> {
  const [row] = await db.select().from(mentions).where(eq(mentions.id, id));
  return row;
}

export async function countMentions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mentions);
  return row?.n ?? 0;
}
