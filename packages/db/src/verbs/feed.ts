import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  EFFECTIVE_CONFIDENCE_SQL,
  EFFECTIVE_LABEL_SQL,
  FEED_HALF_LIFE_HOURS,
  FEED_RANK_SQL,
} from '../schema/mention-rank.js';
import { mentions } from '../schema/mentions.js';
import { MENTION_JSON_SQL } from './mention-json.js';
import { queryPrepared } from './prepared.js';

/** Position after the last feed row: its time-independent rank and id. */
export interface FeedCursor {
  rank: number;
  id: number;
}

export interface FeedFilter {
  brand?: string;
  queryId?: number;
  /** `x`, `mastodon`, `bluesky`, `push`, … (any case). */
  source?: string;
}

const RANK = sql.raw(FEED_RANK_SQL);

/** Worthiness now, in SQL (the same formula as `worthiness()` in schema/mention-rank.ts). */
const WORTHINESS_SQL = `(greatest(${EFFECTIVE_CONFIDENCE_SQL}, 0.01)::float8
  * (1 + log(1 + greatest(coalesce(author_followers, 0), 0)::float8))
  * power(2::float8, -greatest(extract(epoch from (now() - posted_at))::float8, 0) / ${FEED_HALF_LIFE_HOURS * 3600}))`;

/**
 * Fresh praise (status `new`, effective label `praise`), most reward-worthy first, each
 * rendered as API JSON (a mention plus `worthiness`) by Postgres. The WHERE and ORDER BY
 * repeat the partial index `mentions_feed_rank_idx` exactly, so a page is an index range
 * scan however many mentions are stored.
 */
export async function listFeedJson(
  db: Db,
  filter: FeedFilter,
  page: { limit: number; after?: FeedCursor },
): Promise<{ items: string[]; next?: FeedCursor }> {
  const where: SQL[] = [sql`${mentions.status} = 'new'`, sql`${sql.raw(EFFECTIVE_LABEL_SQL)} = 'praise'`];
  if (filter.brand) where.push(sql`lower(${mentions.brand}) = lower(${filter.brand})`); // any case
  if (filter.queryId !== undefined) where.push(sql`${mentions.queryId} = ${filter.queryId}`);
  if (filter.source) where.push(sql`lower(${mentions.source}) = lower(${filter.source})`); // any case, as /v1/mentions
  if (page.after) where.push(sql`(${RANK}, ${mentions.id}) < (${page.after.rank}::float8, ${page.after.id}::int8)`);
  const query = db
    .select({
      json: sql<string>`${sql.raw(MENTION_JSON_SQL)} || ',"worthiness":' || ${sql.raw(WORTHINESS_SQL)}::text || '}'`,
      rank: sql<number>`${RANK}`,
      id: mentions.id,
    })
    .from(mentions)
    .where(and(...where))
    .orderBy(sql`${RANK} DESC, ${mentions.id} DESC NULLS LAST`)
    .limit(page.limit + 1);
  const rows = (await queryPrepared<[string, number, string]>(db, query)).map(([json, rank, id]) => ({
    json,
    rank,
    id,
  }));
  const more = rows.length > page.limit;
  const data = more ? rows.slice(0, page.limit) : rows;
  const last = data.at(-1);
  return {
    items: data.map((r) => r.json),
    next: more && last ? { rank: Number(last.rank), id: Number(last.id) } : undefined,
  };
}
