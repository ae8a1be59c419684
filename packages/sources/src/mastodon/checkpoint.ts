/**
 * The Mastodon adapter's checkpoint: where the next poll starts, as JSON.
 *
 *   {"v":1,"after":"<id>","seen":["<id>",…]}
 *
 * The next poll reads every status with an id above `after` and hands over those not in
 * `seen`. `seen` holds the ids handed over in the last few minutes (newest first, so
 * `seen[0]` is the newest id read), and `after` trails the newest by that overlap. Why
 * not just the newest id: Mastodon mints a remote post's id from the time it was written,
 * not the time it arrived, so a post that federates a minute late lands below an id
 * already read; and a local post's id is taken when its transaction starts, so one that
 * commits late does too. Re-reading the overlap catches both, and `seen` keeps the re-read
 * from handing anything over twice. `seen` is capped; past the cap `after` rises to its
 * oldest entry, so the overlap shrinks in a burst instead of the checkpoint growing.
 *
 * A search drain cut short (rate limit) adds where to resume:
 *
 *   {"v":1,"after":…,"seen":[…],"rest":{"below":"<id>","handed":["<id>",…]}}
 *
 * meaning ids in (after, below) are still to read, and `handed` is what the interrupted
 * drain already handed over (its newest entries, for the window it ends with). The tag
 * timeline reads oldest first, so a cut there is simply a checkpoint at the last page.
 */
import { z } from 'zod';
import { parseJsonCheckpoint } from '../checkpoint-json.js';

/** How far behind the newest id read the next poll starts again. */
export const OVERLAP_MS = 5 * 60_000;
/** Most ids remembered in `seen` (and in `rest.handed`). */
export const MAX_SEEN = 200;

const Id = z.string().regex(/^\d{1,19}$/, 'a Mastodon id');

const Checkpoint = z.object({
  v: z.literal(1),
  after: Id,
  seen: z.array(Id).max(MAX_SEEN),
  rest: z.object({ below: Id, handed: z.array(Id).max(MAX_SEEN) }).optional(),
});
export type MastodonCheckpoint = z.infer<typeof Checkpoint>;

/** The largest id Mastodon could have minted before `ms`: as an exclusive bound it keeps `ms` on. */
export function idBefore(ms: number): bigint {
  const id = (BigInt(Math.max(0, Math.floor(ms))) << 16n) - 1n;
  return id < 0n ? 0n : id;
}

/** The smallest id Mastodon can mint at `ms`. */
export function idAt(ms: number): bigint {
  return BigInt(Math.max(0, Math.floor(ms))) << 16n;
}

/** The time (epoch ms) a Mastodon id was minted for. */
export function timeOfId(id: bigint | string): number {
  return Number(BigInt(id) >> 16n);
}

/** The position of a first poll: everything posted in the lookback. */
export function firstCheckpoint(now: number, lookbackSeconds: number): MastodonCheckpoint {
  return { v: 1, after: idBefore(now - Math.max(0, lookbackSeconds) * 1000).toString(), seen: [] };
}

/** Throws SourceQueryError on an unreadable checkpoint: guessing could skip or repeat posts. */
export const parseCheckpoint = (checkpoint: string): MastodonCheckpoint =>
  parseJsonCheckpoint(Checkpoint, checkpoint, 'Mastodon');

const newestFirst = (ids: Iterable<string>) =>
  [...new Set(ids)].map(BigInt).sort((a, b) => (a === b ? 0 : a > b ? -1 : 1));

/** The newest `MAX_SEEN` of `ids`, newest first. */
export function capNewest(ids: Iterable<string>): string[] {
  return newestFirst(ids)
    .slice(0, MAX_SEEN)
    .map((id) => id.toString());
}

/**
 * The checkpoint once every id above `after` up to the newest in `handed` has been read:
 * `after` moves up to the overlap behind the newest, and `seen` keeps what lies above it.
 */
export function windowAfter(after: string, handed: Iterable<string>): MastodonCheckpoint {
  const floor = BigInt(after);
  const ids = newestFirst(handed).filter((id) => id > floor);
  const newest = ids[0];
  if (newest === undefined) return { v: 1, after, seen: [] };
  const trailing = idBefore(timeOfId(newest) - OVERLAP_MS);
  let lower = trailing > floor ? trailing : floor;
  let seen = ids.filter((id) => id > lower);
  if (seen.length > MAX_SEEN) {
    seen = seen.slice(0, MAX_SEEN);
    lower = (seen.at(-1) as bigint) - 1n;
  }
  return { v: 1, after: lower.toString(), seen: seen.map((id) => id.toString()) };
}
