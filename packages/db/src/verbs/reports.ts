import { LABELS, type Label } from '@goodchatter/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { EFFECTIVE_LABEL_SQL } from '../schema/mention-rank.js';
import { staffNameKeySql } from './staff-aliases.js';

export interface ReportRange {
  since: Date;
  until: Date;
  brand?: string;
  /** Daily stats only: one source (`x`, `mastodon`, …). */
  source?: string;
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
  /** The most common spelling of the name at this brand ("Priya" over "priya"). */
  staff: string;
  /** Staff belong to a brand: two Priyas at two brands are two people. */
  brand: string | null;
  count: number;
  mentions: KudosMention[];
}

/**
 * Praise per staff member named in it, most praised first, with the newest
 * `perStaff` mentions behind each count (the count itself covers them all). A staff
 * member is a name at one brand, matched case-insensitively ("Priya" and "priya" are one
 * person at Acme; Priya at Acme and Priya at Zephyr are two), with the variants a lead
 * merged (staff_aliases: "Priya S.", "@priya_helps" → Priya) counted as that person.
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
    person: string;
  }>(sql`
    WITH praised AS (
      SELECT m.id, m.text, m.author_handle, m.url, m.brand, m.posted_at, s.name
      FROM mentions m CROSS JOIN LATERAL jsonb_array_elements_text(m.staff) AS s(name)
      -- The predicate of mentions_kudos_idx, so only praise naming someone is read.
      WHERE ${sql.raw(EFFECTIVE_LABEL_SQL)} = 'praise' AND m.staff <> '[]'::jsonb AND ${rangeWhere(range)}
    ), named AS (
      -- Each name credited, as the person it is merged into when a lead merged it.
      SELECT p.id, p.text, p.author_handle, p.url, p.brand, p.posted_at,
             coalesce(a.person, p.name) AS name, lower(coalesce(a.person, p.name)) AS person,
             a.id IS NOT NULL AS merged
      FROM praised p LEFT JOIN staff_aliases a
        ON lower(a.brand) = lower(p.brand) AND a.alias = ${sql.raw(staffNameKeySql('p.name'))}
    ), credited AS (
      -- One row per mention and person, even if the post spells the name two ways.
      SELECT DISTINCT ON (id, person) * FROM named
      ORDER BY id, person, merged DESC, name COLLATE "C"
    ), spelled AS (
      -- The merged-into name, else the most common spelling; ties go to the capitalised
      -- one ("Priya" before "priya").
      SELECT DISTINCT ON (brand, person) brand, person, name AS staff
      FROM credited
      GROUP BY brand, person, name
      ORDER BY brand, person, bool_or(merged) DESC, count(*) DESC, name COLLATE "C"
    ), ranked AS (
      SELECT c.*, count(*) OVER (PARTITION BY c.brand, c.person)::int AS total,
             row_number() OVER (PARTITION BY c.brand, c.person ORDER BY c.posted_at DESC, c.id DESC) AS n
      FROM credited c
    )
    SELECT sp.staff, r.id, r.text, r.author_handle, r.url, r.brand, r.posted_at, r.total, r.person
    FROM ranked r JOIN spelled sp ON sp.brand IS NOT DISTINCT FROM r.brand AND sp.person = r.person
    WHERE r.n <= ${perStaff}
    ORDER BY r.total DESC, r.person, r.brand NULLS LAST, r.n`);
  const byPerson = new Map<string, KudosEntry>();
  for (const r of result.rows) {
    const key = JSON.stringify([r.brand, r.person]);
    let entry = byPerson.get(key);
    if (!entry) {
      entry = { staff: r.staff, brand: r.brand, count: Number(r.total), mentions: [] };
      byPerson.set(key, entry);
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
  return [...byPerson.values()];
}

export interface DayStats {
  day: string;
  brand: string | null;
  total: number;
  labels: Record<Label, number>;
  thanked: number;
  rewarded: number;
  medianSecondsToStore: number | null;
}

/**
 * Per UTC day of posting and brand: labels as the team sees them, workflow outcomes,
 * latency. The brand filter ignores case (`acme air` finds `Acme Air`).
 */
export async function dailyStats(db: Db, range: ReportRange): Promise<DayStats[]> {
  const label = sql.raw(EFFECTIVE_LABEL_SQL);
  // One count column per label, named for it.
  const perLabel = sql.join(
    LABELS.map((l) => sql`count(*) FILTER (WHERE ${label} = ${l})::int AS ${sql.identifier(l)}`),
    sql`, `,
  );
  const result = await db.execute<Record<string, string | number | null>>(sql`
    SELECT to_char(posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, brand,
           count(*)::int AS total,
           ${perLabel},
           count(*) FILTER (WHERE status = 'thanked')::int AS thanked,
           count(*) FILTER (WHERE status = 'rewarded')::int AS rewarded,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM scored_at - posted_at))::float8 AS median
    FROM mentions WHERE ${rangeWhere({ since: range.since, until: range.until })}
      ${range.brand ? sql`AND lower(brand) = lower(${range.brand})` : sql``}
      ${range.source ? sql`AND lower(source) = lower(${range.source})` : sql``}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return result.rows.map((r) => ({
    day: String(r.day),
    brand: r.brand === null ? null : String(r.brand),
    total: Number(r.total),
    labels: Object.fromEntries(LABELS.map((l) => [l, Number(r[l])])) as Record<Label, number>,
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
