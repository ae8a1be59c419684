/**
 * The Bluesky adapter's checkpoint: the newest `indexedAt` read, with the post URIs read at
 * each instant of the last two minutes, as JSON.
 *
 *   {"v":1,"floor":"<time>","seen":[{"at":"<indexedAt>","uris":["at://…",…]},…]}
 *
 * `seen` is newest first, so `seen[0].at` is the newest indexedAt read and `seen[0].uris`
 * the posts at that instant: a post stamped with the same time is read if its URI is not
 * there, and skipped if it is, so equal timestamps are neither lost nor read twice. The
 * next poll searches from `floor` (as `since`, less SORT_SLACK_MS) and hands over posts
 * indexed at or after the floor whose URI it has not seen. `floor` trails the newest by two minutes rather than sitting
 * on it: Bluesky's search lists a post a moment after the AppView stamps `indexedAt`, and
 * `since` filters on the earlier of `createdAt` and `indexedAt` — a post written a second
 * before the last poll's newest and indexed after it would fall below a `since` at the
 * newest. Past MAX_URIS the oldest instants are dropped and `floor` rises to the oldest
 * kept, so a burst shrinks the overlap instead of growing the checkpoint.
 *
 * A drain cut short by the rate limit adds `rest`: the same search again, only below
 * `until` (exclusive, on the sort time), with what the cut drain handed over.
 */
import { z } from 'zod';
import { parseJsonCheckpoint } from '../checkpoint-json.js';

export const OVERLAP_MS = 2 * 60_000;
export const MAX_URIS = 300;
/**
 * How much earlier than `floor` the search starts: `since` filters on the sort time, which
 * is `createdAt` when the author's client stamped the post before Bluesky indexed it (by
 * about a second, normally). Without this a burst, which raises the floor to just below
 * the newest posts, would hide the next posts written a moment before it.
 */
export const SORT_SLACK_MS = 10_000;

const Instant = z.object({ at: z.iso.datetime(), uris: z.array(z.string().startsWith('at://')).min(1) });
export type Instant = z.infer<typeof Instant>;

const Checkpoint = z.object({
  v: z.literal(1),
  floor: z.iso.datetime(),
  seen: z.array(Instant),
  rest: z.object({ until: z.iso.datetime(), seen: z.array(Instant) }).optional(),
});
export type BlueskyCheckpoint = z.infer<typeof Checkpoint>;

export const iso = (ms: number) => new Date(ms).toISOString();

/** Throws SourceQueryError on an unreadable checkpoint: guessing could skip or repeat posts. */
export const parseCheckpoint = (checkpoint: string): BlueskyCheckpoint =>
  parseJsonCheckpoint(Checkpoint, checkpoint, 'Bluesky');

/** Instants merged by time, newest first. */
export function mergeInstants(...lists: Instant[][]): Instant[] {
  const byTime = new Map<number, Set<string>>();
  for (const { at, uris } of lists.flat()) {
    const ms = Date.parse(at);
    const set = byTime.get(ms) ?? new Set<string>();
    for (const uri of uris) set.add(uri);
    byTime.set(ms, set);
  }
  return [...byTime.entries()].sort(([a], [b]) => b - a).map(([ms, uris]) => ({ at: iso(ms), uris: [...uris] }));
}

/** The newest instants holding up to `max` URIs (the newest one whole, whatever its size). */
export function capInstants(instants: Instant[], max = MAX_URIS): Instant[] {
  const kept: Instant[] = [];
  let count = 0;
  for (const instant of instants) {
    if (kept.length > 0 && count + instant.uris.length > max) break;
    kept.push(instant);
    count += instant.uris.length;
  }
  return kept;
}

/** The checkpoint once everything from `floor` on has been read; `handed` are the instants read. */
export function windowAfter(floor: string, handed: Instant[]): BlueskyCheckpoint {
  const floorMs = Date.parse(floor);
  const all = mergeInstants(handed).filter((i) => Date.parse(i.at) >= floorMs);
  const newest = all[0];
  if (!newest) return { v: 1, floor, seen: [] };
  const trailing = Math.max(floorMs, Date.parse(newest.at) - OVERLAP_MS);
  const recent = all.filter((i) => Date.parse(i.at) >= trailing);
  const seen = capInstants(recent);
  // Capped: start at the oldest instant kept (whole), so nothing handed over lies above the floor unseen.
  const next = seen.length < recent.length ? Date.parse(seen.at(-1)?.at ?? newest.at) : trailing;
  return { v: 1, floor: iso(next), seen };
}
