/**
 * The Mastodon adapter on `#tag` queries against the fake Mastodon (a real HTTP server):
 * paging upward across pages, arrivals between polls, repeats, the overlap that catches
 * late posts, what is skipped, and how a status becomes a mention.
 */
import { startFakeMastodon } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import type { SourceQuery } from '../adapter.js';
import { failOnPage, recordBatches } from '../test/batch-recorder.js';
import { useFakeSource } from '../test/fake-source.js';
import { sourceQuery } from '../test/source-query.js';
import { secondsApart } from '../test/spaced-in-time.js';
import { MastodonSourceAdapter } from './mastodon-source-adapter.js';

const query = (over: Partial<SourceQuery> = {}) => sourceQuery('mastodon', '#AcmeAir', over);

/** `count` tagged statuses, one second apart, the newest `ageSeconds` old. */
const statuses = (count: number, ageSeconds = 60, tag = 'first') =>
  secondsApart(count, ageSeconds).map((createdAt, i) => ({ text: `${tag} ${i} thank you #AcmeAir`, createdAt }));

const ctx = useFakeSource(
  () => startFakeMastodon(),
  (fm) => new MastodonSourceAdapter({ url: fm.url }),
);

describe('MastodonSourceAdapter on a tag timeline', () => {
  it('reads upward page by page (40 each), one onBatch per page, oldest page first', async () => {
    const added = ctx.fake.addStatuses(statuses(100));
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query());

    expect(rec.batches.map((b) => b.length)).toEqual([40, 40, 20]);
    expect(new Set(rec.ids())).toEqual(new Set(added.map((s) => s.uri)));
    const reqs = ctx.fake.apiRequests();
    expect(reqs.map((r) => r.path)).toEqual(Array(3).fill('/api/v1/timelines/tag/acmeair'));
    expect(reqs.map((r) => r.query.limit)).toEqual(['40', '40', '40']);
    // Each page starts at the previous page's newest id (the Link's rel="prev").
    expect(reqs[1]?.query.min_id).toBe(added[39]?.id);
    expect(reqs[2]?.query.min_id).toBe(added[79]?.id);
    expect(reqs.every((r) => r.authorization === undefined)).toBe(true); // public: no token needed
    const cp = JSON.parse(result.checkpoint ?? '');
    expect(cp.seen[0]).toBe(added.at(-1)?.id);
    expect(result).toMatchObject({ read: 100, rateLimit: { remaining: 297 } });
  });

  it('first poll reads back lookbackSeconds; a burst larger than a page between polls is read whole, once', async () => {
    ctx.fake.addStatuses([{ text: '#AcmeAir two hours ago', createdAt: new Date(Date.now() - 7200_000) }]);
    const first = ctx.fake.addStatuses(statuses(30, 600));
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query());
    expect(rec.ids()).toHaveLength(30);
    const lookback = BigInt(ctx.fake.apiRequests()[0]?.query.min_id ?? '0') >> 16n;
    expect(Date.now() - Number(lookback)).toBeGreaterThanOrEqual(3600_000);
    expect(Date.now() - Number(lookback)).toBeLessThan(3605_000);

    const burst = ctx.fake.addStatuses(statuses(130, 5, 'burst'));
    const two = await rec.poll(ctx.adapter, query(), one.checkpoint);
    const three = await rec.poll(ctx.adapter, query(), two.checkpoint);
    expect(rec.ids()).toHaveLength(160);
    expect(new Set(rec.ids())).toEqual(new Set([...first, ...burst].map((s) => s.uri)));
    // Poll 3 re-read the overlap (the last minutes) and handed nothing over again.
    expect(three.read).toBeGreaterThan(0);
    expect(JSON.parse(three.checkpoint ?? '')).toEqual(JSON.parse(two.checkpoint ?? ''));
  });

  it('hands a status repeated on two consecutive pages over once', async () => {
    const added = ctx.fake.addStatuses(statuses(60));
    const rec = recordBatches();
    const first = await ctx.adapter.fetchNew({ query: query(), checkpoint: null, onBatch: async () => {} });
    ctx.fake.addStatuses(statuses(50, 1, 'more'));
    ctx.fake.duplicateBoundaryOnce();
    await rec.poll(ctx.adapter, query(), first.checkpoint);
    expect(rec.ids()).toHaveLength(50);
    expect(new Set(rec.ids()).size).toBe(50);
    expect(rec.ids()).not.toContain(added.at(-1)?.uri);
  });

  it('a post that arrives late with an older id (federation) is still read, within the overlap', async () => {
    ctx.fake.addStatuses(statuses(3, 30));
    const rec = recordBatches();
    const first = await rec.poll(ctx.adapter, query());
    // Written 2 minutes ago, delivered now: Mastodon mints its id from the time it was written.
    const [late] = ctx.fake.addStatuses([
      { text: 'late but lovely #AcmeAir', createdAt: new Date(Date.now() - 120_000) },
    ]);
    await rec.poll(ctx.adapter, query(), first.checkpoint);
    expect(rec.ids()).toHaveLength(4);
    expect(rec.ids().at(-1)).toBe(late?.uri);
  });

  it('skips boosts and posts that are not public, and media-only posts', async () => {
    const [original] = ctx.fake.addStatuses([{ text: 'own words #AcmeAir', createdAt: new Date(Date.now() - 5000) }]);
    ctx.fake.addStatuses([
      { reblogOf: original, tags: ['acmeair'] },
      { text: 'unlisted #AcmeAir', visibility: 'unlisted' },
      { text: 'followers only #AcmeAir', visibility: 'private' },
      { content: '<p></p>', tags: ['acmeair'] },
    ]);
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query());
    expect(rec.batches.flat().map((m) => m.text)).toEqual(['own words #AcmeAir']);
    expect(result.read).toBe(5);
  });

  it('maps a status: URI as id, plain text, acct, name, followers, url, language, brand, query', async () => {
    const [s] = ctx.fake.addStatuses([
      {
        content:
          '<p>Maria at <a href="https://x.example/tags/acmeair" class="mention hashtag">#<span>AcmeAir</span></a> &amp; crew<br>were great</p>',
        tags: ['acmeair'],
        language: 'en',
        account: { username: 'traveller', domain: 'social.example', displayName: 'T. Raveller', followers: 1234 },
      },
    ]);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, query());
    expect(rec.batches.flat()).toEqual([
      {
        source: 'mastodon',
        externalId: `https://social.example/users/traveller/statuses/${s?.id}`,
        text: 'Maria at #AcmeAir & crew\nwere great',
        author: { handle: 'traveller@social.example', name: 'T. Raveller', followers: 1234 },
        postedAt: s?.createdAt,
        url: `https://social.example/@traveller/${s?.id}`,
        lang: 'en',
        brand: 'Acme Air',
        queryId: 7,
      },
    ]);
  });

  it('asks for the other tags of an OR query in any[] on every page, and sends the token when it has one', async () => {
    const withToken = new MastodonSourceAdapter({ url: ctx.fake.url, accessToken: 'tok' });
    ctx.fake.addStatuses([...statuses(45), { text: 'love #Acme', createdAt: new Date(Date.now() - 1000) }]);
    const rec = recordBatches();
    await rec.poll(withToken, query({ query: '#AcmeAir OR #acme' }));
    expect(rec.ids()).toHaveLength(46);
    expect(ctx.fake.apiRequests().map((r) => r.any)).toEqual([['acme'], ['acme']]);
    expect(ctx.fake.apiRequests().every((r) => r.authorization === 'Bearer tok')).toBe(true);
  });

  it('onBatch failing mid-drain returns no checkpoint; re-polling the old one re-reads everything', async () => {
    ctx.fake.addStatuses(statuses(100));
    const failing = ctx.adapter.fetchNew({ query: query(), checkpoint: null, onBatch: failOnPage(2) });
    await expect(failing).rejects.toThrow('queue down');
    expect(ctx.fake.apiRequests()).toHaveLength(2);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, query());
    expect(rec.ids()).toHaveLength(100);
  });

  it('is named mastodon, unmetered, and refuses an instance URL that is not http(s)', () => {
    expect(ctx.adapter.name).toBe('mastodon');
    expect((ctx.adapter as { metered?: boolean }).metered).toBeUndefined();
    expect(() => new MastodonSourceAdapter({ url: 'ftp://x' })).toThrow(/http/);
  });
});
