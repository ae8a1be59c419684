import { describe, expect, it } from 'vitest';
import { SourceQueryError } from '../adapter.js';
import { capInstants, iso, MAX_URIS, mergeInstants, OVERLAP_MS, parseCheckpoint, windowAfter } from './checkpoint.js';

const T = Date.parse('2026-11-20T12:00:00.000Z');
const uri = (n: number) => `at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/${n}`;

describe('Bluesky checkpoint', () => {
  it('groups URIs by instant, newest first, merging repeats', () => {
    expect(
      mergeInstants(
        [{ at: iso(T), uris: [uri(1)] }],
        [
          { at: iso(T + 5), uris: [uri(2)] },
          { at: iso(T), uris: [uri(3), uri(1)] },
        ],
      ),
    ).toEqual([
      { at: iso(T + 5), uris: [uri(2)] },
      { at: iso(T), uris: [uri(1), uri(3)] },
    ]);
  });

  it('keeps the instants of the last two minutes and trails the floor by that much', () => {
    const handed = [
      { at: iso(T - OVERLAP_MS - 1), uris: [uri(1)] },
      { at: iso(T - 1000), uris: [uri(2)] },
      { at: iso(T), uris: [uri(3), uri(4)] },
    ];
    expect(windowAfter(iso(T - 3600_000), handed)).toEqual({
      v: 1,
      floor: iso(T - OVERLAP_MS),
      seen: [
        { at: iso(T), uris: [uri(3), uri(4)] },
        { at: iso(T - 1000), uris: [uri(2)] },
      ],
    });
  });

  it('never lowers the floor; nothing read keeps it', () => {
    expect(windowAfter(iso(T), [])).toEqual({ v: 1, floor: iso(T), seen: [] });
    expect(windowAfter(iso(T), [{ at: iso(T + 10), uris: [uri(1)] }]).floor).toBe(iso(T));
  });

  it('in a burst keeps whole instants up to MAX_URIS and raises the floor to the oldest kept', () => {
    const handed = Array.from({ length: MAX_URIS + 20 }, (_, i) => ({ at: iso(T + i), uris: [uri(i)] }));
    const cp = windowAfter(iso(T - 1), handed);
    expect(cp.seen.flatMap((i) => i.uris)).toHaveLength(MAX_URIS);
    expect(cp.floor).toBe(cp.seen.at(-1)?.at);
    // The newest instant is kept whole, whatever its size.
    const big = [{ at: iso(T), uris: Array.from({ length: MAX_URIS + 5 }, (_, i) => uri(i)) }];
    expect(capInstants(big)[0]?.uris).toHaveLength(MAX_URIS + 5);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseCheckpoint('2026-11-20T12:00:00Z')).toThrow(SourceQueryError);
    expect(() => parseCheckpoint('{"v":1,"floor":"yesterday","seen":[]}')).toThrow(/unreadable Bluesky checkpoint/);
  });
});
