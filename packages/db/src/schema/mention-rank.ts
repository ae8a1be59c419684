import { ALERTING_LABELS } from '@goodchatter/core';
/**
 * SQL expressions shared by the indexes and the queries that must use them: Postgres only
 * picks an expression index when the query repeats the same expression.
 */

/** The label the care team sees: a staff override wins over the classifier. */
export const EFFECTIVE_LABEL_SQL = 'coalesce(label_override, label)';

/**
 * The confidence the care team sees: 1 once staff have set the label (a person decided, so
 * nothing is less sure about it), else the classifier's. The feed ranks by it, so a mention
 * overridden to praise ranks as certain praise.
 */
export const EFFECTIVE_CONFIDENCE_SQL = `(CASE WHEN label_override IS NULL THEN confidence ELSE 1::real END)`;

/** The one reason an overridden mention shows instead of the classifier's. */
export const STAFF_REASON = 'set by staff';

/** Half-life of the feed's recency factor. */
export const FEED_HALF_LIFE_HOURS = 48;
const SECONDS_PER_LN = (FEED_HALF_LIFE_HOURS * 3600) / Math.LN2;

/**
 * Reward-worthiness, documented in the README:
 *   worthiness = confidence × (1 + log10(1 + followers)) × 2^(−age hours / 48)
 * with the effective confidence (1 for a staff-set label).
 * Ranking by it is the same as ranking by its logarithm, in which the age term becomes
 * `posted_at / constant` minus a term that is the same for every row. So the rank below
 * does not depend on the current time, and an index on it serves the feed directly.
 */
export const FEED_RANK_SQL =
  `(ln(greatest(${EFFECTIVE_CONFIDENCE_SQL}, 0.01)::float8)` +
  ` + ln(1 + log(1 + greatest(coalesce(author_followers, 0), 0)::float8))` +
  ` + extract(epoch from (posted_at - '2020-01-01 00:00:00+00'::timestamptz))::float8 / ${SECONDS_PER_LN.toFixed(3)})`;

/** Worthiness now, from the same parts (what the feed shows next to each mention). */
export function worthiness(confidence: number, followers: number, postedAt: Date, now = Date.now()): number {
  const ageHours = Math.max(0, now - postedAt.getTime()) / 3_600_000;
  return (
    Math.max(confidence, 0.01) * (1 + Math.log10(1 + Math.max(followers, 0))) * 2 ** (-ageHours / FEED_HALF_LIFE_HOURS)
  );
}

/** Word search on the text: 'simple' config, so it works for every language alike. */
export const TEXT_SEARCH_SQL = `to_tsvector('simple', text)`;

/**
 * `<column> IN ('praise', 'complaint')`: the labels that raise alerts, written as literals so
 * the alert queries and the partial index `mentions_unalerted_idx` share one predicate.
 */
export const alertingLabelSql = (column = 'label') =>
  `${column} IN (${ALERTING_LABELS.map((l) => `'${l}'`).join(', ')})`;
