/**
 * The X adapter against the fake X API (a real HTTP server) with the real twitter-api-v2
 * client: paging, checkpoints, lookback, the retweet rule, duplicates, arrivals between polls.
 */
import { startFakeX } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import type { SourceQuery } from '../adapter.js';
import { failOnPage, recordBatches } from '../test/batch-recorder.js';
import { useFakeSource } from '../test/fake-source.js';
import { sourceQuery } from '../test/source-query.js';
import { secondsApart } from '../test/spaced-in-time.js';
import { XSourceAdapter } from './x-source-adapter.js';

const query = (over: Partial<SourceQuery> = {}) => sourceQuery('x', '@AcmeAir OR "Acme Air"', over);

/** `count` tweets, one second apart, the newest `ageSeconds` old. */
const tweets = (count: number, ageSeconds = 60, prefix = 't') =>
  secondsApart(count, ageSeconds).map((createdAt, i) => ({ text: `${prefix} ${i} loving @AcmeAir`, createdAt }));

const ctx = useFakeSource(
  () => startFakeX({ bearerToken: 'test-token' }),
  (fx) => new XSourceAdapter({ bearerToken: 'test-token', baseUrl: fx.url }),
);

describe('XSourceAdapter paging and checkpoints', () => {
  it('follows next_token to the end, one onBatch per page, and returns the first newest_id', async () => {
    const added = ctx.fake.addTweets(tweets(250));
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query());

    expect(rec.batches.map((b) => b.length)).toEqual([100, 100, 50]);
    const newestFirst = [...added].reverse().map((t) => t.id);
    expect(rec.ids()).toEqual(newestFirst);
    expect(result.checkpoint).toBe(newestFirst[0]);
    expect(result.read).toBe(250);
    const reqs = ctx.fake.searchRequests();
    expect(reqs).toHaveLength(3);
    expect(reqs.map((r) => r.query.max_results)).toEqual(['100', '100', '100']);
    expect(reqs[0]?.query.next_token).toBeUndefined();
    expect(reqs[1]?.query.next_token).toBeDefined();
    expect(reqs.every((r) => r.authorization === 'Bearer test-token')).toBe(true);
    expect(result.rateLimit?.remaining).toBe(447);
  });

  it("stores a post's text as written: X's escaping of & < > is undone once", async () => {
    // What X sends for a post that reads: Tom & Jerry <3 (and "&amp;" typed literally).
    ctx.fake.addTweets([{ text: 'Tom &amp; Jerry &lt;3 @AcmeAir (typed: &amp;amp;) &gt;' }]);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, query());
    expect(rec.batches.flat().map((m) => m.text)).toEqual(['Tom & Jerry <3 @AcmeAir (typed: &amp;) >']);
  });

  it('asks for the issue fields and maps author, url, brand and query id', async () => {
    const [tweet] = ctx.fake.addTweets([
      {
        text: 'Acme Air lost my bag',
        lang: 'en',
        author: { username: 'traveller', name: 'T. Raveller', followers: 1234, verified: true },
      },
    ]);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, query());

    const params = ctx.fake.searchRequests()[0]?.query;
    expect(params?.['tweet.fields']?.split(',').sort()).toEqual([
      'author_id',
      'conversation_id',
      'created_at',
      'entities',
      'lang',
      'public_metrics',
      'referenced_tweets',
    ]);
    expect(params?.expansions).toBe('author_id');
    expect(params?.['user.fields']?.split(',').sort()).toEqual(['name', 'public_metrics', 'username', 'verified']);
    expect(rec.batches.flat()).toEqual([
      {
        source: 'x',
        externalId: tweet?.id,
        text: 'Acme Air lost my bag',
        author: { id: tweet?.authorId, handle: 'traveller', name: 'T. Raveller', followers: 1234, verified: true },
        postedAt: tweet?.createdAt,
        url: `https://x.com/traveller/status/${tweet?.id}`,
        lang: 'en',
        brand: 'Acme Air',
        queryId: 7,
      },
    ]);
  });

  it('first poll looks back lookbackSeconds via start_time, clamped to 7 days', async () => {
    const before = Date.now();
    await ctx.adapter.fetchNew({ query: query({ lookbackSeconds: 1800 }), checkpoint: null, onBatch: async () => {} });
    await ctx.adapter.fetchNew({
      query: query({ lookbackSeconds: 30 * 86_400 }),
      checkpoint: null,
      onBatch: async () => {},
    });
    const [short, long] = ctx.fake.searchRequests().map((r) => r.query);

    expect(short?.since_id).toBeUndefined();
    const shortStart = Date.parse(short?.start_time ?? '');
    expect(short?.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(before - shortStart).toBeGreaterThanOrEqual(1800_000);
    expect(before - shortStart).toBeLessThan(1805_000);
    const longAge = before - Date.parse(long?.start_time ?? '');
    expect(longAge).toBeLessThanOrEqual(7 * 86_400_000);
    expect(longAge).toBeGreaterThan(7 * 86_400_000 - 15 * 60_000);
  });

  it('a tweet older than the lookback is not read on the first poll', async () => {
    ctx.fake.addTweets([{ text: 'old news', createdAt: new Date(Date.now() - 2 * 3600_000) }]);
    const [fresh] = ctx.fake.addTweets([{ text: 'fresh', createdAt: new Date(Date.now() - 60_000) }]);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, query());
    expect(rec.ids()).toEqual([fresh?.id]);
  });

  it('polls from since_id after a completed poll and picks up arrivals exactly once', async () => {
    ctx.fake.addTweets(tweets(120, 600, 'first'));
    const rec = recordBatches();
    const first = await rec.poll(ctx.adapter, query());

    const arrived = ctx.fake.addTweets(tweets(130, 5, 'second'));
    const second = await rec.poll(ctx.adapter, query(), first.checkpoint);
    const third = await rec.poll(ctx.adapter, query(), second.checkpoint);

    const sinceIds = ctx.fake.searchRequests().map((r) => r.query.since_id);
    expect(sinceIds.slice(2, 4)).toEqual([first.checkpoint, first.checkpoint]);
    expect(ctx.fake.searchRequests()[2]?.query.start_time).toBeUndefined();
    expect(second.read).toBe(130);
    expect(second.checkpoint).toBe(arrived.at(-1)?.id);
    expect(third.read).toBe(0);
    expect(third.checkpoint).toBe(second.checkpoint);
    const all = rec.ids();
    expect(all).toHaveLength(250);
    expect(new Set(all).size).toBe(250);
    expect(new Set(all)).toEqual(new Set(ctx.fake.tweets.map((t) => t.id)));
  });

  it('an empty first poll keeps the null checkpoint', async () => {
    const result = await ctx.adapter.fetchNew({ query: query(), checkpoint: null, onBatch: async () => {} });
    expect(result).toMatchObject({ checkpoint: null, read: 0 });
  });

  it('excludes retweets with -is:retweet unless the query mentions is:retweet', async () => {
    ctx.fake.addTweets([{ text: 'RT @AcmeAir great', isRetweet: true }, { text: 'own words about @AcmeAir' }]);
    const plain = recordBatches();
    await ctx.adapter.fetchNew({ query: query(), checkpoint: null, onBatch: plain.onBatch });
    const withRts = recordBatches();
    await ctx.adapter.fetchNew({
      query: query({ query: '@AcmeAir is:retweet' }),
      checkpoint: null,
      onBatch: withRts.onBatch,
    });

    const [q1, q2] = ctx.fake.searchRequests().map((r) => r.query.query);
    expect(q1).toBe('(@AcmeAir OR "Acme Air") -is:retweet');
    expect(q2).toBe('@AcmeAir is:retweet');
    expect(plain.batches.flat().map((m) => m.text)).toEqual(['own words about @AcmeAir']);
    expect(withRts.batches.flat()).toHaveLength(2);
  });

  it('hands a tweet repeated on two consecutive pages over once', async () => {
    const added = ctx.fake.addTweets(tweets(150));
    ctx.fake.duplicateBoundaryOnce();
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query());

    expect(result.read).toBe(151); // X bills the repeat too
    expect(rec.ids()).toHaveLength(150);
    expect(new Set(rec.ids())).toEqual(new Set(added.map((t) => t.id)));
  });

  it('an empty page that still has a next_token does not end the drain', async () => {
    const added = ctx.fake.addTweets(tweets(30));
    ctx.fake.emptyPageOnce();
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query());
    expect(ctx.fake.searchRequests()).toHaveLength(2);
    expect(rec.ids()).toHaveLength(30);
    expect(result.checkpoint).toBe(added.at(-1)?.id);
  });

  it('onBatch failing mid-drain returns no checkpoint; re-polling the old one re-reads everything', async () => {
    const added = ctx.fake.addTweets(tweets(250));
    const failing = ctx.adapter.fetchNew({ query: query(), checkpoint: null, onBatch: failOnPage(2) });
    await expect(failing).rejects.toThrow('queue down');
    expect(ctx.fake.searchRequests()).toHaveLength(2); // stopped reading at the failure

    const rec = recordBatches();
    const retry = await rec.poll(ctx.adapter, query());
    expect(rec.ids()).toHaveLength(250);
    expect(retry.checkpoint).toBe(added.at(-1)?.id);
  });

  it('appends /2/... to a base URL with a path prefix', async () => {
    const prefixed = new XSourceAdapter({ bearerToken: 'test-token', baseUrl: `${ctx.fake.url}/proxy/` });
    await prefixed.fetchNew({ query: query(), checkpoint: null, onBatch: async () => {} }).catch(() => {});
    prefixed.close();
    expect(ctx.fake.requests[0]?.path).toBe('/proxy/2/tweets/search/recent');
  });

  it('is named x and metered (X bills per post read)', () => {
    expect(ctx.adapter).toMatchObject({ name: 'x', metered: true });
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => new XSourceAdapter({ bearerToken: 't', baseUrl: 'ftp://x' })).toThrow(/http/);
  });
});
