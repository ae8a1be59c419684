import type { FeedCursor, MentionCursor, MentionSort } from '@goodchatter/db';
import { HttpError } from './errors.js';

// Opaque to clients: base64url of "<kind>~<sort key>~<id>". The kind ties a cursor to the
// sort it came from, so a cursor from another sort is refused instead of skipping rows.

const encode = (kind: string, key: number, id: number) => Buffer.from(`${kind}~${key}~${id}`).toString('base64url');

// The range each kind's key can take, so a forged cursor (`newest~1e300~1`) is a 400, not a
// value its column type cannot hold: newest is epoch microseconds (int8, from 1970 on),
// reach is followers (int4), confidence is 0–1 (real), the feed rank any finite float8.
const KEY_OK: Record<string, (key: number) => boolean> = {
  newest: (k) => Number.isSafeInteger(k) && k >= 0,
  reach: (k) => Number.isInteger(k) && k >= 0 && k <= 2_147_483_647,
  confidence: (k) => k >= 0 && k <= 1,
  feed: Number.isFinite,
};

function decode(s: string, kind: string): { key: number; id: number } {
  const m = /^([a-z]+)~(-?[\d.e+-]{1,32})~(\d{1,18})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  const key = Number(m?.[2]);
  if (!m || m[1] !== kind || !Number.isFinite(key) || !(KEY_OK[kind]?.(key) ?? false)) {
    throw new HttpError(400, 'querystring.cursor: not a cursor this API returned for this sort');
  }
  return { key, id: Number(m[3]) };
}

export const encodeCursor = (sort: MentionSort, c: MentionCursor) => encode(sort, c.key, c.id);
export const decodeCursor = (sort: MentionSort, s: string): MentionCursor => decode(s, sort);

export const encodeFeedCursor = (c: FeedCursor) => encode('feed', c.rank, c.id);
export function decodeFeedCursor(s: string): FeedCursor {
  const { key, id } = decode(s, 'feed');
  return { rank: key, id };
}
