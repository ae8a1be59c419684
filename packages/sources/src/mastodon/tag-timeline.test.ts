/**
 * The Mastodon adapter on `#tag` queries against the fake Mastodon (a real HTTP server):
 * paging upward across pages, arrivals between polls, repeats, the overlap that catches
 * late posts, what is skipped, and how a status becomes a mention.
 */
import type { MentionInput } from '@goodchatter/core';
import { type FakeMastodon, startFakeMastodon } from '@goodchatter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceQuery } from '../adapter.js';
import { MastodonSourceAdapter } from './mastodon-source-adapter.js';

const query = (over: Partial<SourceQuery> = {}): SourceQuery => ({
  id: 7,
  brand: 'Acme Air',
  source: 'mastodon',
  query: '#AcmeAir',
  lookbackSeconds: 3600,
  ...over,
});

function recorder() {
  const batches: MentionInput[][] = [];
  return {
    batches,
    onBatch: async (batch: MentionInput[]) => void batches.push(batch),
    uris: () => batches.flat().map((m) => m.externalId),
  };
}

/** `count` tagged statuses, one second apart, the newest `ageSeconds` old. */
const statuses = (count: number, ageSeconds = 60, tag = 'first') =>
  Array.from({ length: count }, (_, i) => ({
    text: `${tag} ${i} thank you #AcmeAir`,
    createdAt: new Date(Date.now() - (ageSeconds + count - i) * 1000),
  }));

let fm: FakeMastodon;
let adapter: MastodonSourceAdapter;
beforeEach(async () => {
  fm = await startFakeMastodon();
  adapter = new MastodonSourceAdapter({ url: fm.url });
});
afterEach(async () => {
  await fm.close();
});

describe('MastodonSourceAdapter on a tag timeline', () => {
  it('reads upward page by page (40 each), one onBatch per page, oldest page first', async () => {
    const added = fm.addStatuses(statuses(100));
    const rec = recorder();
    const result = await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });

    expect(rec.batches.map((b) => b.length)).toEqual([40, 40, 20]);
    expect(new Set(rec.uris())).toEqual(new Set(added.map((s) => s.uri)));
    const reqs = fm.apiRequests();
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
    fm.addStatuses([{ text: '#AcmeAir two hours ago', createdAt: new Date(Date.now() - 7200_000) }]);
    const first = fm.addStatuses(statuses(30, 600));
    const rec = recorder();
    const one = await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(30);
    const lookback = BigInt(fm.apiRequests()[0]?.query.min_id ?? '0') >> 16n;
    expect(Date.now() - Number(lookback)).toBeGreaterThanOrEqual(3600_000);
    expect(Date.now() - Number(lookback)).toBeLessThan(3605_000);

    const burst = fm.addStatuses(statuses(130, 5, 'burst'));
    const two = await adapter.fetchNew({ query: query(), checkpoint: one.checkpoint, onBatch: rec.onBatch });
    const three = await adapter.fetchNew({ query: query(), checkpoint: two.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(160);
    expect(new Set(rec.uris())).toEqual(new Set([...first, ...burst].map((s) => s.uri)));
    // Poll 3 re-read the overlap (the last minutes) and handed nothing over again.
    expect(three.read).toBeGreaterThan(0);
    expect(JSON.parse(three.checkpoint ?? '')).toEqual(JSON.parse(two.checkpoint ?? ''));
  });

  it('hands a status repeated on two consecutive pages over once', async () => {
    const added = fm.addStatuses(statuses(60));
    const rec = recorder();
    const first = await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: async () => {} });
    fm.addStatuses(statuses(50, 1, 'more'));
    fm.duplicateBoundaryOnce();
    await adapter.fetchNew({ query: query(), checkpoint: first.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(50);
    expect(new Set(rec.uris()).size).toBe(50);
    expect(rec.uris()).not.toContain(added.at(-1)?.uri);
  });

  it('a post that arrives late with an older id (federation) is still read, within the overlap', async () => {
    fm.addStatuses(statuses(3, 30));
    const rec = recorder();
    const first = await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });
    // Written 2 minutes ago, delivered now: Mastodon mints its id from the time it was written.
    const [late] = fm.addStatuses([{ text: 'late but lovely #AcmeAir', createdAt: new Date(Date.now() - 120_000) }]);
    await adapter.fetchNew({ query: query(), checkpoint: first.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(4);
    expect(rec.uris().at(-1)).toBe(late?.uri);
  });

  it('skips boosts and posts that are not public, and media-only posts', async () => {
    const [original] = fm.addStatuses([{ text: 'own words #AcmeAir', createdAt: new Date(Date.now() - 5000) }]);
    fm.addStatuses([
      { reblogOf: original, tags: ['acmeair'] },
      { text: 'unlisted #AcmeAir', visibility: 'unlisted' },
      { text: 'followers only #AcmeAir', visibility: 'private' },
      { content: '<p></p>', tags: ['acmeair'] },
    ]);
    const rec = recorder();
    const result = await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });
    expect(rec.batches.flat().map((m) => m.text)).toEqual(['own words #AcmeAir']);
    expect(result.read).toBe(5);
  });

  it('maps a status: URI as id, plain text, acct, name, followers, url, language, brand, query', async () => {
    const [s] = fm.addStatuses([
      {
        content:
          '<p>Maria at <a href="https://x.example/tags/acmeair" class="mention hashtag">#<span>AcmeAir</span></a> &amp; crew<br>were great</p>',
        tags: ['acmeair'],
        language: 'en',
        account: { username: 'traveller', domain: 'social.example', displayName: 'T. Raveller', followers: 1234 },
      },
    ]);
    const rec = recorder();
    await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });
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
    const withToken = new MastodonSourceAdapter({ url: fm.url, accessToken: 'tok' });
    fm.addStatuses([...statuses(45), { text: 'love #Acme', createdAt: new Date(Date.now() - 1000) }]);
    const rec = recorder();
    await withToken.fetchNew({ query: query({ query: '#AcmeAir OR #acme' }), checkpoint: null, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(46);
    expect(fm.apiRequests().map((r) => r.any)).toEqual([['acme'], ['acme']]);
    expect(fm.apiRequests().every((r) => r.authorization === 'Bearer tok')).toBe(true);
  });

  it('onBatch failing mid-drain returns no checkpoint; re-polling the old one re-reads everything', async () => {
    fm.addStatuses(statuses(100));
    let calls = 0;
    const failing = async () => {
      calls += 1;
      if (calls === 2) throw new Error('queue down');
    };
    await expect(adapter.fetchNew({ query: query(), checkpoint: null, onBatch: failing })).rejects.toThrow(
      'queue down',
    );
    expect(fm.apiRequests()).toHaveLength(2);
    const rec = recorder();
    await adapter.fetchNew({ query: query(), checkpoint: null, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(100);
  });

  it('is named mastodon, unmetered, and refuses an instance URL that is not http(s)', () => {
    expect(adapter.name).toBe('mastodon');
    expect((adapter as { metered?: boolean }).metered).toBeUndefined();
    expect(() => new MastodonSourceAdapter({ url: 'ftp://x' })).toThrow(/http/);
  });
});
