/**
 * One drain of a full-text search (`/api/v2/search`), newest first:
 *  1. Mastodon sorts matches by id, newest first, and pages by `offset`. Its `min_id` and
 *     `max_id` are not id bounds there: it turns them into posting times cut to the whole
 *     second. So the request's bounds are widened by a second and the exact bounds are
 *     applied here, by id (above the checkpoint's `after`, below a resume point's `below`).
 *  2. The offset moves by what a page returned: posts arriving meanwhile push the results
 *     down, which repeats a post (dropped here) but never skips one.
 *  3. An empty page ends the drain; the checkpoint becomes the window over everything read.
 *  4. A rate-limit stop after the first page returns a resume point: the same window, read
 *     below the oldest id reached, with what was handed over remembered.
 */
import type { FetchResult, SourceRateLimit } from '../adapter.js';
import { nextPageOrStop } from '../drain-page.js';
import { capNewest, idAt, idBefore, type MastodonCheckpoint, timeOfId, windowAfter } from './checkpoint.js';
import { mastodonGet } from './client.js';
import { type DrainContext, type Handed, handOver, minId, PAGE_SIZE, windowSpent } from './drain.js';
import { parseSearch } from './response.js';

export async function drainSearch(ctx: DrainContext, q: string, start: MastodonCheckpoint): Promise<FetchResult> {
  const after = BigInt(start.after);
  const below = start.rest ? BigInt(start.rest.below) : undefined;
  const handedBefore = start.rest?.handed ?? [];
  const handed: Handed = { seen: new Set([...start.seen, ...handedBefore]), ids: [] };
  const params: [string, string][] = [
    ['q', q],
    ['type', 'statuses'],
    ['resolve', 'false'],
    ['limit', String(PAGE_SIZE)],
    ['min_id', idBefore(timeOfId(after) - 1000).toString()],
  ];
  if (below !== undefined) params.push(['max_id', idAt(Math.floor(timeOfId(below) / 1000) * 1000 + 1000).toString()]);
  const inWindow = (id: bigint) => id > after && (below === undefined || id < below);
  let offset = 0;
  let read = 0;
  let oldest: bigint | undefined;
  let rateLimit: SourceRateLimit | undefined;
  let cut = false;

  for (;;) {
    ctx.signal?.throwIfAborted();
    const page: [string, string][] = offset > 0 ? [...params, ['offset', String(offset)]] : params;
    const fetched = await nextPageOrStop(() => mastodonGet(ctx.client, '/api/v2/search', page, ctx.signal), read);
    if ('stopped' in fetched) {
      rateLimit = fetched.stopped;
      cut = true;
      break;
    }
    const answer = fetched.page;
    rateLimit = answer.rateLimit ?? rateLimit;
    const statuses = parseSearch(answer.body);
    read += statuses.length;
    if (statuses.length === 0) break;
    await handOver(ctx, statuses, handed, inWindow);
    oldest = minId(statuses, oldest);
    offset += statuses.length;
    if (windowSpent(rateLimit, ctx.now())) {
      cut = true;
      break;
    }
  }
  const extra = rateLimit ? { rateLimit } : {};
  // Cut short above the window's floor: resume below the oldest post reached.
  if (cut && oldest !== undefined && oldest > after) {
    const rest = {
      below: (below !== undefined && below < oldest ? below : oldest).toString(),
      handed: capNewest([...handedBefore, ...handed.ids]),
    };
    return { checkpoint: JSON.stringify({ ...start, rest } satisfies MastodonCheckpoint), read, ...extra };
  }
  const checkpoint = windowAfter(start.after, [...handed.seen]);
  return { checkpoint: JSON.stringify(checkpoint), read, ...extra };
}
