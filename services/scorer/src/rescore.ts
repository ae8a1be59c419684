import { CLASSIFIER_VERSION, classify } from '@goodchatter/classifier';
import type { Database } from '@goodchatter/db';
import type { QueryContexts } from './query-context.js';

export interface RescoreResult {
  scanned: number;
  relabelled: number;
}

interface Row {
  id: string;
  text: string;
  brand: string | null;
  query_id: number | null;
  label: string;
}

const UPDATE_SQL = `UPDATE mentions m SET
    label = u.label, score = u.score, confidence = u.confidence, reasons = u.reasons,
    staff = u.staff, lang = COALESCE(u.lang, m.lang), classifier_version = $8,
    -- Re-scoring never alerts: a mention not yet alerted is marked handled, so neither
    -- this run nor a later replay of it sends an alert for an old mention.
    alerted_at = COALESCE(m.alerted_at, now())
  FROM unnest($1::int8[], $2::text[], $3::float4[], $4::float4[], $5::jsonb[], $6::jsonb[], $7::text[])
    AS u(id, label, score, confidence, reasons, staff, lang)
  WHERE m.id = u.id`;

/**
 * Re-classifies every stored mention whose classifier version differs from the running
 * one, in batches by id (resumable: an interrupted run picks up the rows still on the old
 * version). Labels corrected by staff keep their override; only the prediction changes.
 */
export async function rescore(
  database: Database,
  contexts: QueryContexts,
  opts: { batchSize?: number; onBatch?: (r: RescoreResult) => void } = {},
): Promise<RescoreResult> {
  const batchSize = opts.batchSize ?? 1000;
  const total: RescoreResult = { scanned: 0, relabelled: 0 };
  let after = 0;
  for (;;) {
    const { rows } = await database.pool.query<Row>(
      `SELECT id, text, brand, query_id, label FROM mentions
       WHERE classifier_version <> $1 AND id > $2 ORDER BY id LIMIT $3`,
      [CLASSIFIER_VERSION, after, batchSize],
    );
    if (rows.length === 0) return total;
    const cols: unknown[][] = [[], [], [], [], [], [], []];
    for (const r of rows) {
      const c = classify(r.text, await contexts.get(r.query_id ?? undefined, r.brand ?? undefined));
      const values = [r.id, c.label, c.score, c.confidence, JSON.stringify(c.reasons), JSON.stringify(c.staff), c.lang];
      for (const [i, v] of values.entries()) cols[i]?.push(v);
      if (c.label !== r.label) total.relabelled++;
    }
    await database.pool.query(UPDATE_SQL, [...cols, CLASSIFIER_VERSION]);
    total.scanned += rows.length;
    after = Number(rows.at(-1)?.id);
    opts.onBatch?.({ ...total });
  }
}
