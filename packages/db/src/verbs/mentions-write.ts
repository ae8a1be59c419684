import type { Db } from '../client.js';
import type { NewMentionRow } from '../schema/mentions.js';

export interface InsertedMention {
  id: number;
  label: string;
  source: string;
  externalId: string;
}

// Column → Postgres array type, in insert order. One `unnest` insert per batch: drizzle's
// query builder cost more CPU than the classifier on 100-row batches (profiled).
const COLUMNS: [keyof NewMentionRow, string, string][] = [
  ['source', 'source', 'text'],
  ['externalId', 'external_id', 'text'],
  ['queryId', 'query_id', 'int4'],
  ['brand', 'brand', 'text'],
  ['authorId', 'author_id', 'text'],
  ['authorHandle', 'author_handle', 'text'],
  ['authorName', 'author_name', 'text'],
  ['authorFollowers', 'author_followers', 'int4'],
  ['authorVerified', 'author_verified', 'bool'],
  ['text', 'text', 'text'],
  ['lang', 'lang', 'text'],
  ['url', 'url', 'text'],
  ['postedAt', 'posted_at', 'timestamptz'],
  ['ingestedAt', 'ingested_at', 'timestamptz'],
  ['label', 'label', 'text'],
  ['score', 'score', 'float4'],
  ['confidence', 'confidence', 'float4'],
  ['reasons', 'reasons', 'jsonb'],
  ['staff', 'staff', 'jsonb'],
  ['classifierVersion', 'classifier_version', 'text'],
];

// The key is claimed first (mention_keys keeps (source, external id) unique across every
// monthly partition) and the row is written with the id it got, in one statement, so a
// mention is never half-stored. A key stored before, or repeated later in the batch,
// inserts nothing. Keys are claimed in one fixed order (source, external id): two batches
// sharing keys in different orders would otherwise each hold a key the other waits for
// (a deadlock, seen with concurrent overlapping batches). The answer lists the new rows in
// the batch's order.
const INSERT_SQL = `WITH input AS (
    SELECT * FROM unnest(${COLUMNS.map(([, , t], i) => `$${i + 1}::${t}[]`).join(', ')})
      WITH ORDINALITY AS u(${COLUMNS.map(([, c]) => c).join(', ')}, ord)
  ),
  firsts AS (
    SELECT DISTINCT ON (source, external_id) * FROM input ORDER BY source, external_id, ord
  ),
  claimed AS (
    INSERT INTO mention_keys (source, external_id)
    SELECT source, external_id FROM firsts ORDER BY source, external_id
    ON CONFLICT (source, external_id) DO NOTHING
    RETURNING id, source, external_id
  )
  INSERT INTO mentions (id, ${COLUMNS.map(([, c]) => c).join(', ')})
  SELECT claimed.id, ${COLUMNS.map(([, c]) => `firsts.${c}`).join(', ')}
  FROM claimed JOIN firsts USING (source, external_id)
  ORDER BY firsts.ord
  RETURNING id, label, source, external_id`;

const param = (v: unknown, type: string) => {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb') return JSON.stringify(v);
  return v;
};

/**
 * Stores scored mentions; a (source, external id) already stored is left as it was.
 * Returns only the rows this call inserted, in the batch's order, so callers alert exactly once.
 */
export async function insertMentions(db: Db, rows: NewMentionRow[]): Promise<InsertedMention[]> {
  if (rows.length === 0) return [];
  const params = COLUMNS.map(([key, , type]) => rows.map((r) => param(r[key], type)));
  const result = await db.$client.query<{ id: string; label: string; source: string; external_id: string }>(
    INSERT_SQL,
    params,
  );
  return result.rows.map((r) => ({ id: Number(r.id), label: r.label, source: r.source, externalId: r.external_id }));
}
