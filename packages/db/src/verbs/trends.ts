import { ACTED_ON_STATUSES } from '@goodchatter/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type { ReportRange } from './reports.js';

export interface WeekOutcomes {
  /** Monday of the UTC week, YYYY-MM-DD. */
  week: string;
  brand: string | null;
  thanked: number;
  rewarded: number;
  medianSecondsToThanked: number | null;
  p90SecondsToThanked: number | null;
}

/**
 * Per UTC week (from Monday) and brand: mentions first marked thanked, and first marked
 * rewarded, in that week (by when staff did it, from the workflow history), and the
 * median and 90th percentile of the time from posting to being thanked. A mention thanked
 * twice (thanked, reopened, thanked) counts once, at its first time. The brand filter
 * ignores case.
 */
export async function weeklyOutcomes(db: Db, range: ReportRange): Promise<WeekOutcomes[]> {
  const result = await db.execute<Record<string, string | number | null>>(sql`
    WITH firsts AS (
      -- Read off mention_events_to_status_at_idx; the NOT EXISTS probes each mention's history.
      SELECT e.mention_id, e.to_status, e.at
      FROM mention_events e
      WHERE e.kind = 'status' AND e.to_status IN (${sql.join(
        ACTED_ON_STATUSES.map((s) => sql`${s}`),
        sql`, `,
      )})
        AND e.at >= ${range.since.toISOString()}::timestamptz AND e.at < ${range.until.toISOString()}::timestamptz
        AND NOT EXISTS (
          SELECT 1 FROM mention_events p
          WHERE p.mention_id = e.mention_id AND p.kind = 'status' AND p.to_status = e.to_status AND p.id < e.id)
    )
    SELECT to_char(date_trunc('week', f.at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, m.brand,
           count(*) FILTER (WHERE f.to_status = 'thanked')::int AS thanked,
           count(*) FILTER (WHERE f.to_status = 'rewarded')::int AS rewarded,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - m.posted_at))
             FILTER (WHERE f.to_status = 'thanked')::float8 AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - m.posted_at))
             FILTER (WHERE f.to_status = 'thanked')::float8 AS p90
    FROM firsts f JOIN mentions m ON m.id = f.mention_id
    ${range.brand ? sql`WHERE lower(m.brand) = lower(${range.brand})` : sql``}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return result.rows.map((r) => ({
    week: String(r.week),
    brand: r.brand === null ? null : String(r.brand),
    thanked: Number(r.thanked),
    rewarded: Number(r.rewarded),
    medianSecondsToThanked: r.median === null ? null : Number(r.median),
    p90SecondsToThanked: r.p90 === null ? null : Number(r.p90),
  }));
}
