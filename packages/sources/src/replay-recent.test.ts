import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MentionInput } from '@goodchatter/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECENT_WINDOW_MS, recentRetimer } from './replay-recent.js';
import { ReplaySource } from './replay-source.js';

const line = (id: string, postedAt: string) =>
  JSON.stringify({ id, text: `text ${id}`, author: { handle: `h${id}` }, postedAt });

describe('replaying a file as recent posts', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recent-'));
    file = join(dir, 'm.jsonl');
    // A week-old sample over six days, out of order, with a malformed line.
    await writeFile(
      file,
      [
        line('a', '2026-11-16T00:00:00Z'),
        line('c', '2026-11-22T00:00:00Z'),
        '{ not json',
        line('b', '2026-11-19T00:00:00Z'),
      ].join('\n'),
    );
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('scales the span onto the last minutes before now, keeping order and proportions', async () => {
    const now = Date.parse('2027-01-05T12:00:00Z');
    const retime = await recentRetimer(file, now);
    expect(retime('2026-11-22T00:00:00Z')).toBe('2027-01-05T12:00:00.000Z');
    expect(retime('2026-11-19T00:00:00Z')).toBe(new Date(now - RECENT_WINDOW_MS / 2).toISOString());
    expect(retime('2026-11-16T00:00:00Z')).toBe(new Date(now - RECENT_WINDOW_MS).toISOString());
  });

  it('is what ReplaySource does for the files asked for, and only those', async () => {
    const read = async (asRecent: boolean) => {
      const got: MentionInput[] = [];
      await new ReplaySource({ asRecent: () => asRecent }).fetchNew({
        query: { id: 1, brand: 'Demo', source: 'replay', query: file, lookbackSeconds: 3600 },
        checkpoint: null,
        onBatch: async (b) => {
          got.push(...b);
        },
      });
      return Object.fromEntries(got.map((m) => [m.externalId, Date.parse(m.postedAt)]));
    };
    const before = Date.now();
    const fresh = await read(true);
    expect(Object.keys(fresh).sort()).toEqual(['a', 'b', 'c']);
    for (const at of Object.values(fresh)) {
      expect(at).toBeGreaterThanOrEqual(before - RECENT_WINDOW_MS - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    expect(fresh.a).toBeLessThan(fresh.b as number);
    expect(fresh.b).toBeLessThan(fresh.c as number);
    expect((await read(false)).c).toBe(Date.parse('2026-11-22T00:00:00Z'));
  });
});
