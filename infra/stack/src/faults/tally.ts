import type { Database } from '@goodchatter/db';

/** What the suite reads back from Postgres (directly, never through the proxy the services use). */
export class Tally {
  constructor(private readonly database: Database) {}

  /** Of `ids`, the ones not stored. */
  async unstored(ids: string[]): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `SELECT w.eid AS id FROM unnest($1::text[]) AS w(eid)
       WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.source = 'faults' AND m.external_id = w.eid)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Rows stored more than once for the same id (the unique key should make this 0). */
  async duplicated(ids: string[]): Promise<number> {
    const { rows } = await this.database.pool.query<{ n: string }>(
      `SELECT count(*) - count(DISTINCT external_id) AS n FROM mentions
       WHERE source = 'faults' AND external_id = ANY($1)`,
      [ids],
    );
    return Number(rows[0]?.n);
  }

  /** Praise and complaints stored but not yet alerted (their notify job has not run). */
  async unalerted(): Promise<number> {
    const { rows } = await this.database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM mentions WHERE label IN ('praise', 'complaint') AND alerted_at IS NULL`,
    );
    return Number(rows[0]?.n);
  }

  /** Deliveries waiting for the notifier to send them. */
  async pendingDeliveries(): Promise<number> {
    const { rows } = await this.database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'pending'`,
    );
    return Number(rows[0]?.n);
  }

  async praiseIds(): Promise<string[]> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `SELECT id FROM mentions WHERE source = 'faults' AND label = 'praise'`,
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * Praise whose delivery is `unknown`: a notifier SIGKILLed between marking it `sending`
   * and the receiver's answer. At most once per subscription (README), so not resent.
   */
  async inDoubtIds(): Promise<Set<string>> {
    const { rows } = await this.database.pool.query<{ id: string }>(
      `SELECT e.mention_id AS id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.status = 'unknown'`,
    );
    return new Set(rows.map((r) => String(r.id)));
  }
}
