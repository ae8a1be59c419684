import type { MentionSort } from '@goodchatter/core';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { EFFECTIVE_CONFIDENCE_SQL, EFFECTIVE_LABEL_SQL, TEXT_SEARCH_SQL } from '../schema/mention-rank.js';
import { type MentionRow, mentions } from '../schema/mentions.js';
import { MENTION_JSON_SQL } from './mention-json.js';
import { queryPrepared } from './prepared.js';

export interface MentionFilter {
  /** The label the care team sees (a staff override wins). */
  label?: string;
  source?: string;
  status?: string;
  brand?: string;
  queryId?: number;
  lang?: string;
  /** Authors with at least this many followers. */
  minFollowers?: number;
  /** Mentions praising this staff member (the name as extracted, any case). */
  staff?: string;
  /** Word search on the text (web-search syntax: words, "phrases", -excluded). */
  q?: string;
  /** Inclusive lower bound on posted time. */
  since?: Date;
  /** Exclusive upper bound on posted time. */
  until?: Date;
}

// The sorts a list offers are core's MENTION_SORTS; re-exported for the API's cursors.
export { MENTION_SORTS, type MentionSort } from '@goodchatter/core';

/**
 * Position after the last row of a page: the sort key (posted-at in epoch microseconds,
 * followers or confidence) and the id, which breaks ties, so the pair never repeats.
 */
export interface MentionCursor {
  key: number;
  id: number;
}

// Per sort: the column compared (as indexed), the key as a number for the cursor, the
// cursor value turned back into the column's type (a real compared as float8 would never
// equal itself; microseconds keep timestamps exact), and ORDER BY text matching an index.
const SORTS: Record<MentionSort, { column: SQL; keyOut: SQL; keyIn: (v: number) => SQL; order: string }> = {
  newest: {
    column: sql`${mentions.postedAt}`,
    keyOut: sql`(extract(epoch from ${mentions.postedAt}) * 1000000)::int8`,
    keyIn: (v) => sql`(timestamptz 'epoch' + ${v}::int8 * interval '1 microsecond')`,
    order: 'posted_at DESC NULLS LAST, id DESC NULLS LAST',
  },
  reach: {
    column: sql`coalesce(${mentions.authorFollowers}, 0)`,
    keyOut: sql`coalesce(${mentions.authorFollowers}, 0)`,
    keyIn: (v) => sql`${v}::int4`,
    order: 'coalesce(author_followers, 0) DESC, id DESC NULLS LAST',
  },
  // The confidence the team sees (1 for a staff-set label), as indexed.
  confidence: {
    column: sql.raw(EFFECTIVE_CONFIDENCE_SQL),
    keyOut: sql.raw(EFFECTIVE_CONFIDENCE_SQL),
    keyIn: (v) => sql`${v}::float4`,
    order: `${EFFECTIVE_CONFIDENCE_SQL} DESC NULLS LAST, id DESC NULLS LAST`,
  },
};

/** WHERE terms for a filter; shared by pages, CSV export and reports. */
export function mentionWhere(filter: MentionFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.label) where.push(sql`${sql.raw(EFFECTIVE_LABEL_SQL)} = ${filter.label}`);
  // Text filters ignore case, as people type them (`brand=acme air`, `staff=priya`).
  if (filter.source) where.push(sql`lower(${mentions.source}) = lower(${filter.source})`);
  if (filter.status) where.push(eq(mentions.status, filter.status));
  if (filter.brand) where.push(sql`lower(${mentions.brand}) = lower(${filter.brand})`);
  if (filter.queryId !== undefined) where.push(eq(mentions.queryId, filter.queryId));
  if (filter.lang) where.push(sql`lower(${mentions.lang}) = lower(${filter.lang})`);
  if (filter.minFollowers !== undefined) where.push(gte(mentions.authorFollowers, filter.minFollowers));
  if (filter.staff) {
    where.push(
      sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${mentions.staff}) AS s(name) WHERE lower(s.name) = lower(${filter.staff}))`,
    );
  }
  if (filter.q) where.push(sql`${sql.raw(TEXT_SEARCH_SQL)} @@ websearch_to_tsquery('simple', ${filter.q})`);
  if (filter.since) where.push(gte(mentions.postedAt, filter.since));
  if (filter.until) where.push(lt(mentions.postedAt, filter.until));
  return where;
}

export interface MentionPage {
  limit: number;
  after?: MentionCursor;
  sort?: MentionSort;
}

/** The parts of a keyset page query: WHERE, ORDER BY, the key to select. */
function pageParts(filter: MentionFilter, page: MentionPage) {
  const sort = SORTS[page.sort ?? 'newest'];
  const where = mentionWhere(filter);
  if (page.after) {
    where.push(sql`(${sort.column}, ${mentions.id}) < (${sort.keyIn(page.after.key)}, ${page.after.id}::int8)`);
  }
  return { where: and(...where), order: sql.raw(sort.order), key: sort.keyOut };
}

function paginate<T extends { key: number | string; id: number | string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { data, next: more && last ? { key: Number(last.key), id: Number(last.id) } : undefined };
}

/**
 * A page of mentions by keyset on (sort key, id), both descending: rows inserted while a
 * client pages land either before its cursor or after it, never shifting what it has not
 * yet seen.
 */
export async function listMentions(
  db: Db,
  filter: MentionFilter,
  page: MentionPage,
): Promise<{ rows: MentionRow[]; next?: MentionCursor }> {
  const parts = pageParts(filter, page);
  const rows = await db
    .select({ row: mentions, key: sql<string>`${parts.key}`, id: mentions.id })
    .from(mentions)
    .where(parts.where)
    .orderBy(parts.order)
    .limit(page.limit + 1);
  const { data, next } = paginate(rows, page.limit);
  return { rows: data.map((r) => r.row), next };
}

/** The same page as `listMentions`, each mention already rendered as API JSON by Postgres. */
export async function listMentionsJson(
  db: Db,
  filter: MentionFilter,
  page: MentionPage,
): Promise<{ items: string[]; next?: MentionCursor }> {
  const parts = pageParts(filter, page);
  const query = db
    .select({ json: sql<string>`${sql.raw(MENTION_JSON_SQL)} || '}'`, key: sql<string>`${parts.key}`, id: mentions.id })
    .from(mentions)
    .where(parts.where)
    .orderBy(parts.order)
    .limit(page.limit + 1);
  const rows = (await queryPrepared<[string, string, string]>(db, query)).map(([json, key, id]) => ({ json, key, id }));
  const { data, next } = paginate(rows, page.limit);
  return { items: data.map((r) => r.json), next };
}

export async function getMention(db: Db, id: number): Promise<MentionRow | undefined> {
  const [row] = await db.select().from(mentions).where(eq(mentions.id, id));
  return row;
}

export async function getMentions(db: Db, ids: number[]): Promise<MentionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(mentions)
    .where(sql`${mentions.id} = any(${`{${ids.join(',')}}`}::int8[])`);
}

export async function countMentions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mentions);
  return row?.n ?? 0;
}
