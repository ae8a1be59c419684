/**
 * The X adapter's checkpoint: where the next poll starts reading.
 *
 * Two forms, both opaque to the caller:
 *
 * 1. A plain tweet id, e.g. `"1861234567890123456"` — the normal case after a poll that read
 *    to the end. It is the `newest_id` of that poll's first page; the next poll asks for
 *    `since_id` = this id.
 *
 * 2. A resume point, after a poll stopped early because the read budget (`maxItems`) ran
 *    out while older pages were still unread:
 *
 *      {"v":1,"since_id":"<lower bound, exclusive>","until_id":"<oldest id handed over>",
 *       "newest_id":"<the interrupted drain's first newest_id>"}
 *
 *    The next poll reads the same window below `until_id` (exclusive, so nothing is read
 *    twice) and above `since_id`, newest first. When that drain reaches the end, the
 *    checkpoint becomes `newest_id` (form 1), so tweets that arrived meanwhile above it are
 *    read by the poll after. If the budget runs out again, a new resume point with a lower
 *    `until_id` and the same `newest_id` is returned.
 *
 *    `until_id` rather than a `next_token`: an id stays meaningful across hours (a budget
 *    stop resumes the next UTC day), while X documents no lifetime for pagination tokens.
 *    A first poll's `start_time` is stored as the equivalent snowflake `since_id`, because
 *    X's paging treats `until_id` with `start_time` as a conflict (twitter-api-v2 converts
 *    the same way for the same reason).
 */
import { z } from 'zod';
import { parseJsonCheckpoint } from '../checkpoint-json.js';

const TweetId = z.string().regex(/^\d{1,19}$/, 'a numeric tweet id');

const ResumePoint = z.object({
  v: z.literal(1),
  since_id: TweetId,
  until_id: TweetId,
  newest_id: TweetId,
});
export type ResumePoint = z.infer<typeof ResumePoint>;

export type Position = { kind: 'first' } | { kind: 'since'; sinceId: string } | { kind: 'resume'; resume: ResumePoint };

/**
 * Throws SourceQueryError on an unreadable checkpoint: guessing could skip or repeat a
 * window, and retrying cannot help (editing the query resets its checkpoint).
 */
export function parseCheckpoint(checkpoint: string | null): Position {
  if (checkpoint === null) return { kind: 'first' };
  if (TweetId.safeParse(checkpoint).success) return { kind: 'since', sinceId: checkpoint };
  return { kind: 'resume', resume: parseJsonCheckpoint(ResumePoint, checkpoint, 'X') };
}

export function serializeResume(resume: ResumePoint): string {
  return JSON.stringify(resume);
}

/** X's snowflake epoch, 2010-11-04T01:42:54.657Z. */
const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657n;

/**
 * The largest id minted strictly before `ms`: as a `since_id` (exclusive) it keeps every
 * tweet created at or after `ms`, the same window as `start_time` = ms.
 */
export function sinceIdForTime(ms: number): string {
  const id = ((BigInt(ms) - SNOWFLAKE_EPOCH_MS) << 22n) - 1n;
  return (id < 0n ? 0n : id).toString();
}

/** The creation time encoded in a snowflake id (epoch ms). */
export function timeOfId(id: string): number {
  return Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
}

export function minId(ids: readonly string[]): string | undefined {
  let min: bigint | undefined;
  for (const id of ids) {
    const n = BigInt(id);
    if (min === undefined || n < min) min = n;
  }
  return min?.toString();
}
