import { describe, expect, it } from 'vitest';
import { SourceQueryError } from '../adapter.js';
import { idAt, idBefore, MAX_SEEN, OVERLAP_MS, parseCheckpoint, timeOfId, windowAfter } from './checkpoint.js';

const T = Date.parse('2026-11-20T12:00:00Z');
const id = (ms: number, seq = 0) => (idAt(ms) + BigInt(seq)).toString();

describe('Mastodon checkpoint window', () => {
  it('ids carry their time; idBefore is an exclusive bound that keeps that millisecond', () => {
    expect(timeOfId(id(T, 77))).toBe(T);
    expect(idBefore(T) < BigInt(id(T))).toBe(true);
    expect(timeOfId(idBefore(T))).toBe(T - 1);
  });

  it('trails the newest id by the overlap and remembers what it handed over above that', () => {
    const after = idBefore(T - 3600_000).toString();
    const old = id(T - OVERLAP_MS - 1);
    const recent = [id(T - 60_000), id(T, 1), id(T, 2)];
    const cp = windowAfter(after, [old, ...recent]);
    expect(cp.seen).toEqual([...recent].reverse());
    expect(cp.after).toBe(idBefore(T - OVERLAP_MS).toString());
    expect(BigInt(old) <= BigInt(cp.after)).toBe(true);
  });

  it('never moves after down, and an empty drain keeps the position', () => {
    const after = id(T);
    expect(windowAfter(after, [])).toEqual({ v: 1, after, seen: [] });
    expect(windowAfter(after, [id(T - 10)])).toEqual({ v: 1, after, seen: [] });
    expect(windowAfter(after, [id(T + 10)]).after).toBe(after);
  });

  it('in a burst keeps the newest MAX_SEEN and raises after to just below the oldest of them', () => {
    const ids = Array.from({ length: MAX_SEEN + 50 }, (_, i) => id(T + i));
    const cp = windowAfter(idBefore(T - 1000).toString(), ids);
    expect(cp.seen).toHaveLength(MAX_SEEN);
    expect(cp.seen[0]).toBe(ids.at(-1));
    expect(cp.after).toBe((BigInt(cp.seen.at(-1) as string) - 1n).toString());
  });

  it('refuses a checkpoint it cannot read (SourceQueryError: guessing could skip posts)', () => {
    expect(() => parseCheckpoint('110000000000000000')).toThrow(SourceQueryError);
    expect(() => parseCheckpoint('{"v":1,"after":"x","seen":[]}')).toThrow(/unreadable Mastodon checkpoint/);
    expect(parseCheckpoint('{"v":1,"after":"5","seen":["6"]}')).toEqual({ v: 1, after: '5', seen: ['6'] });
  });
});
