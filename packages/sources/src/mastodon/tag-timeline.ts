/**
 * One drain of a tag timeline, oldest page first:
 *  1. Ask for the page just above the checkpoint's `after` (`min_id`), 40 at a time, with
 *     the other tags of the query in `any[]`.
 *  2. Hand over each page's new statuses and await it; then move `min_id` to the page's
 *     newest id (the Link header's `rel="prev"`, which Mastodon sets to exactly that; we
 *     build the next URL ourselves, since Mastodon's Link drops `any[]`).
 *  3. A page shorter than asked for is the top: stop. Reading upward means every page
 *     handed over is a finished stretch, so a stop for the rate limit (none left, or a
 *     429 after the first page) still returns a checkpoint at the last page, and the rest
 *     is read after the reset. Any other error propagates: no checkpoint, the old one is
 *     read again (repeats are absorbed downstream, never gaps).
 */
import type { FetchResult, SourceRateLimit } from '../adapter.js';
import { nextPageOrStop } from '../drain-page.js';
import { type MastodonCheckpoint, windowAfter } from './checkpoint.js';
import { mastodonGet } from './client.js';
import { type DrainContext, type Handed, handOver, maxId, PAGE_SIZE, prevMinId, windowSpent } from './drain.js';
import { parseTimeline } from './response.js';

export async function drainTagTimeline(
  ctx: DrainContext,
  tags: string[],
  start: MastodonCheckpoint,
): Promise<FetchResult> {
  const [tag = '', ...others] = tags;
  const after = BigInt(start.after);
  const handed: Handed = { seen: new Set([...start.seen, ...(start.rest?.handed ?? [])]), ids: [] };
  let cursor = after;
  let read = 0;
  let rateLimit: SourceRateLimit | undefined;

  for (;;) {
    ctx.signal?.throwIfAborted();
    const fetched = await nextPageOrStop(
      () =>
        mastodonGet(
          ctx.client,
          `/api/v1/timelines/tag/${encodeURIComponent(tag)}`,
          [
            ['limit', String(PAGE_SIZE)],
            ['min_id', cursor.toString()],
            ...others.map((t): [string, string] => ['any[]', t]),
          ],
          ctx.signal,
        ),
      read,
    );
    if ('stopped' in fetched) {
      rateLimit = fetched.stopped;
      break;
    }
    const answer = fetched.page;
    rateLimit = answer.rateLimit ?? rateLimit;
    const statuses = parseTimeline(answer.body);
    read += statuses.length;
    if (statuses.length === 0) break;
    await handOver(ctx, statuses, handed, (id) => id > after);
    const next = prevMinId(answer.headers.get('link')) ?? maxId(statuses);
    if (next <= cursor)
      throw new Error(`Mastodon tag timeline did not move past min_id ${cursor}; stopping this drain`);
    cursor = next;
    if (statuses.length < PAGE_SIZE || windowSpent(rateLimit, ctx.now())) break;
  }
  const checkpoint = windowAfter(start.after, [...handed.seen]);
  return { checkpoint: JSON.stringify(checkpoint), read, ...(rateLimit ? { rateLimit } : {}) };
}
