import type { Db } from '../client.js';
import type { NewMentionRow } from '../schema/mentions.js';

export interface InsertedMention {
  id: number;
  label: string;
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

const INSERT_SQL = `INSERT INTO mentions (${COLUMNS.map(([, c]) => c).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, , t], i) => `$${i + 1}::${t}[]`).join(', ')})
  ON CONFLICT (source, external_id) DO NOTHING
  RETURNING id, label`;

const param = (v: unknown, type: string) => {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb') return JSON.stringify(v);
  return v;
};

/**
 * Stores scored mentions; a (source, external id) already stored is left as it was.
 * Returns only the rows this call inserted, so callers alert exactly once.
 */
export async function insertMentions(db: Db, rows: NewMentionRow[]): Promise<InsertedMention[]> {
  if (rows.length === 0) return [];
  const params = COLUMNS.map(([key, , type]) => rows.map((r) => param(r[key], type)));
  const result = await db.$client.query<{ id: string; label: string }>(INSERT_SQL, params);
  return result.rows.map((r) => ({ id: Number(r.id), label: r.label }));
}
