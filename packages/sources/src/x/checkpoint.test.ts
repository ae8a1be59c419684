import { snowflakeAt } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { SourceQueryError } from '../adapter.js';
import { minId, parseCheckpoint, serializeResume, sinceIdForTime, timeOfId } from './checkpoint.js';

describe('X checkpoint', () => {
  it('null is a first poll; digits are a since_id', () => {
    expect(parseCheckpoint(null)).toEqual({ kind: 'first' });
    expect(parseCheckpoint('1861234567890123456')).toEqual({ kind: 'since', sinceId: '1861234567890123456' });
  });

  it('round-trips a resume point', () => {
    const resume = { v: 1 as const, since_id: '100', until_id: '200', newest_id: '300' };
    expect(parseCheckpoint(serializeResume(resume))).toEqual({ kind: 'resume', resume });
  });

  it.each(['', 'abc', '{"v":2,"since_id":"1","until_id":"2","newest_id":"3"}', '{"v":1,"since_id":"1"}', '{'])(
    'refuses %j with SourceQueryError',
    (bad) => {
      expect(() => parseCheckpoint(bad)).toThrow(SourceQueryError);
    },
  );

  it('sinceIdForTime keeps tweets from that millisecond on and drops earlier ones', () => {
    const ms = Date.parse('2026-11-23T12:00:00Z');
    const since = BigInt(sinceIdForTime(ms));
    expect(BigInt(snowflakeAt(ms))).toBeGreaterThan(since);
    expect(BigInt(snowflakeAt(ms - 1, 4095))).toBeLessThanOrEqual(since);
    expect(timeOfId(snowflakeAt(ms, 17))).toBe(ms);
  });

  it('minId compares as numbers, not strings', () => {
    expect(minId(['900', '1000', '95'])).toBe('95');
    expect(minId([])).toBeUndefined();
  });
});
