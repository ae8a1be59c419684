import type { Db } from '../client.js';
import { alertingLabelSql } from '../schema/mention-rank.js';

/**
 * Praise and complaints among these keys whose alert was not yet taken. A scorer retrying
 * a batch (after a crash between insert and enqueue) finds its lost alerts here; taking an
 * alert is @goodchatter/webhooks' `takeAlert`.
 */
export async function findUnalertedMentions(
  db: Db,
  keys: { source: string; externalId: string }[],
): Promise<{ id: number; label: string }[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.$client.query<{ id: string; label: string }>(
    `SELECT m.id, m.label FROM mentions m
     JOIN unnest($1::text[], $2::text[]) AS k(source, external_id)
       ON m.source = k.source AND m.external_id = k.external_id
     WHERE ${alertingLabelSql('m.label')} AND m.alerted_at IS NULL`,
    [keys.map((k) => k.source), keys.map((k) => k.externalId)],
  );
  return rows.map((r) => ({ id: Number(r.id), label: r.label }));
}
