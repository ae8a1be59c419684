/**
 * The read budget (`maxItems`): a poll stops at a page boundary before it could read more
 * than the budget, and the resume checkpoint lets the next polls finish the window with
 * nothing skipped or repeated.
 */
import type { MentionInput } from '@goodchatter/core';
import { snowflakeAt, startFakeX } from '@goodchatter/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SourceQuery } from '../adapter.js';
import { useFakeSource } from '../test/fake-source.js';
import { secondsApart } from '../test/spaced-in-time.js';
import { parseCheckpoint } from './checkpoint.js';
import { XSourceAdapter } from './x-source-adapter.js';

const query: SourceQuery = { id: 9, brand: 'Acme Air', source: 'x', query: '"Acme Air"', lookbackSeconds: 3600 };

const tweets = (count: number, ageSeconds: number, prefix: string) =>
  secondsApart(count, ageSeconds).map((createdAt, i) => ({ text: `${prefix} ${i}`, createdAt }));

const handed: string[] = [];
const onBatch = async (batch: MentionInput[]) => {
  handed.push(...batch.map((m) => m.externalId));
};
const ctx = useFakeSource(
  () => startFakeX(),
  (fx) => new XSourceAdapter({ bearerToken: 'test-token', baseUrl: fx.url }),
);
beforeEach(async () => {
  handed.length = 0;
});

describe('XSourceAdapter read budget', () => {
  it('stops within the budget, resumes below until_id, then returns the pending newest_id', async () => {
    const initial = ctx.fake.addTweets(tweets(250, 600, 'old'));
    const newest = initial.at(-1)?.id;

    // Poll 1: 100 + 50 (the second page asks for only what the budget allows).
    const p1 = await ctx.adapter.fetchNew({ query, checkpoint: null, onBatch, maxItems: 150 });
    expect(p1.read).toBe(150);
    expect(ctx.fake.searchRequests().map((r) => r.query.max_results)).toEqual(['100', '50']);
    const resume = parseCheckpoint(p1.checkpoint);
    expect(resume).toMatchObject({ kind: 'resume', resume: { v: 1, newest_id: newest } });
    expect(handed).toHaveLength(150);

    // Tweets arrive while the window is only half read.
    const arrivals = ctx.fake.addTweets(tweets(20, 1, 'new'));

    // Poll 2: the rest of the old window only, below until_id; checkpoint = poll 1's newest.
    const p2 = await ctx.adapter.fetchNew({ query, checkpoint: p1.checkpoint, onBatch, maxItems: 150 });
    const resumed = ctx.fake.searchRequests()[2]?.query;
    expect(resumed?.until_id).toBe(resume.kind === 'resume' ? resume.resume.until_id : 'x');
    expect(resumed?.since_id).toBeDefined();
    expect(resumed?.start_time).toBeUndefined();
    expect(p2.read).toBe(100);
    expect(p2.checkpoint).toBe(newest);

    // Poll 3: the arrivals.
    const p3 = await ctx.adapter.fetchNew({ query, checkpoint: p2.checkpoint, onBatch, maxItems: 150 });
    expect(p3.read).toBe(20);
    expect(p3.checkpoint).toBe(arrivals.at(-1)?.id);

    expect(handed).toHaveLength(270);
    expect(new Set(handed)).toEqual(new Set(ctx.fake.tweets.map((t) => t.id)));
  });

  it('keeps the same pending newest_id when the budget runs out on consecutive polls', async () => {
    const initial = ctx.fake.addTweets(tweets(250, 600, 'old'));
    const since = snowflakeAt(Date.now() - 3600_000);
    const p1 = await ctx.adapter.fetchNew({ query, checkpoint: since, onBatch, maxItems: 100 });
    const p2 = await ctx.adapter.fetchNew({ query, checkpoint: p1.checkpoint, onBatch, maxItems: 100 });
    const p3 = await ctx.adapter.fetchNew({ query, checkpoint: p2.checkpoint, onBatch, maxItems: 100 });

    const c1 = parseCheckpoint(p1.checkpoint);
    const c2 = parseCheckpoint(p2.checkpoint);
    if (c1.kind !== 'resume' || c2.kind !== 'resume') throw new Error('expected resume points');
    expect(c1.resume.since_id).toBe(since);
    expect(c2.resume.newest_id).toBe(c1.resume.newest_id);
    expect(BigInt(c2.resume.until_id)).toBeLessThan(BigInt(c1.resume.until_id));
    expect(p3.checkpoint).toBe(initial.at(-1)?.id);
    expect([p1.read, p2.read, p3.read]).toEqual([100, 100, 50]);
    expect(new Set(handed).size).toBe(250);
    expect(handed).toHaveLength(250);
  });

  it('a budget that exactly fits the window ends with a plain since_id checkpoint', async () => {
    const initial = ctx.fake.addTweets(tweets(200, 600, 'old'));
    const result = await ctx.adapter.fetchNew({ query, checkpoint: null, onBatch, maxItems: 200 });
    expect(result).toMatchObject({ read: 200, checkpoint: initial.at(-1)?.id });
  });

  it('a budget below one minimum page (10) reads nothing and keeps the checkpoint', async () => {
    ctx.fake.addTweets(tweets(30, 600, 'old'));
    const since = snowflakeAt(Date.now() - 3600_000);
    const result = await ctx.adapter.fetchNew({ query, checkpoint: since, onBatch, maxItems: 9 });
    expect(result).toMatchObject({ read: 0, checkpoint: since });
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('a since_id older than 7 days is replaced by the 7-day start_time', async () => {
    const stale = snowflakeAt(Date.now() - 8 * 86_400_000);
    await ctx.adapter.fetchNew({ query, checkpoint: stale, onBatch });
    const sent = ctx.fake.searchRequests()[0]?.query;
    expect(sent?.since_id).toBeUndefined();
    expect(Date.now() - Date.parse(sent?.start_time ?? '')).toBeLessThanOrEqual(7 * 86_400_000);
  });
});
