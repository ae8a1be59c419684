import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { EFFECTIVE_LABEL_SQL } from '../schema/mention-rank.js';

export interface ReportRange {
  since: Date;
  until: Date;
  brand?: string;
}

const rangeWhere = (r: ReportRange): SQL =>
  sql.join(
    [
      sql`posted_at >= ${r.since.toISOString()}::timestamptz`,
      sql`posted_at < ${r.until.toISOString()}::timestamptz`,
      ...(r.brand ? [sql`brand = ${r.brand}`] : []),
    ],
    sql` AND `,
  );

export interface KudosMention {
  id: number;
  text: string;
  authorHandle: string;
  url: string | null;
  brand: string | null;
  postedAt: Date;
}

export interface KudosEntry {
  staff: string;
  count: number;
  mentions: KudosMention[];
}

/**
 * Praise per staff member named in it, most praised first, with the newest
 * `perStaff` mentions behind each count (the count itself covers them all).
 */
export async function kudos(db: Db, range: ReportRange, perStaff: number): Promise<KudosEntry[]> {
  const result = await db.execute<{
    staff: string;
    total: number;
    id: string;
    text: string;
    author_handle: string;
    url: string | null;
    brand: string | null;
    posted_at: string;
  }>(sql`
    SELECT * FROM (
      SELECT s.name AS staff, m.id, m.text, m.author_handle, m.url, m.brand, m.posted_at,
             count(*) OVER (PARTITION BY s.name)::int AS total,
             row_number() OVER (PARTITION BY s.name ORDER BY m.posted_at DESC, m.id DESC) AS n
      FROM mentions m CROSS JOIN LATERAL jsonb_array_elements_text(m.staff) AS s(name)
      WHERE ${sql.raw(EFFECTIVE_LABEL_SQL)} = 'praise' AND ${rangeWhere(range)}
    ) ranked
    WHERE n <= ${perStaff}
    ORDER BY total DESC, staff, n`);
  const byStaff = new Map<string, KudosEntry>();
  for (const r of result.rows) {
    let entry = byStaff.get(r.staff);
    if (!entry) {
      entry = { staff: r.staff, count: Number(r.total), mentions: [] };
      byStaff.set(r.staff, entry);
    }
    entry.mentions.push({
      id: Number(r.id),
      text: r.text,
      authorHandle: r.author_handle,
      url: r.url,
      brand: r.brand,
      postedAt: new Date(r.posted_at),
    });
  }
  return [...byStaff.values()];
}

export interface DayStats {
  day: string;
  brand: string | null;
  total: number;
  labels: Record<'praise' | 'complaint' | 'neutral' | 'mixed' | 'unscored', number>;
  thanked: number;
  rewarded: number;
  medianSecondsToStore: number | null;
}

/** Per UTC day of posting and brand: labels as the team sees them, workflow outcomes, latency. */
export async function dailyStats(db: Db, range: ReportRange): Promise<DayStats[]> {
  const label = sql.raw(EFFECTIVE_LABEL_SQL);
  const result = await db.execute<Record<string, string | number | null>>(sql`
    SELECT to_char(posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, brand,
           count(*)::int AS total,
           count(*) FILTER (WHERE ${label} = 'praise')::int AS praise,
           count(*) FILTER (WHERE ${label} = 'complaint')::int AS complaint,
           count(*) FILTER (WHERE ${label} = 'neutral')::int AS neutral,
           count(*) FILTER (WHERE ${label} = 'mixed')::int AS mixed,
           count(*) FILTER (WHERE ${label} = 'unscored')::int AS unscored,
           count(*) FILTER (WHERE status = 'thanked')::int AS thanked,
           count(*) FILTER (WHERE status = 'rewarded')::int AS rewarded,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM scored_at - posted_at))::float8 AS median
    FROM mentions WHERE ${rangeWhere(range)}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return result.rows.map((r) => ({
    day: String(r.day),
    brand: r.brand === null ? null : String(r.brand),
    total: Number(r.total),
    labels: {
      praise: Number(r.praise),
      complaint: Number(r.complaint),
      neutral: Number(r.neutral),
      mixed: Number(r.mixed),
      unscored: Number(r.unscored),
    },
    thanked: Number(r.thanked),
    rewarded: Number(r.rewarded),
    medianSecondsToStore: r.median === null ? null : Number(r.median),
  }));
}

/** Stored mentions per classifier label (for /metrics). */
export async function countMentionsByLabel(db: Db): Promise<{ label: string; count: number }[]> {
  const result = await db.execute<{ label: string; n: number }>(
    sql`SELECT label, count(*)::int AS n FROM mentions GROUP BY label`,
  );
  return result.rows.map((r) => ({ label: r.label, count: Number(r.n) }));
}

/** Webhook deliveries per status (for /metrics). */
export async function countDeliveriesByStatus(db: Db): Promise<{ status: string; count: number }[]> {
  const result = await db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM webhook_deliveries GROUP BY status`,
  );
  return result.rows.map((r) => ({ status: r.status, count: Number(r.n) }));
}
