/**
 * The Bluesky adapter against the fake Bluesky (a real HTTP server) with the real
 * `@atproto/api` client: paging by cursor, arrivals between polls and mid-drain, equal
 * timestamps at the checkpoint, posts indexed late, and how a hit becomes a mention.
 */
import { type FakeBluesky, startFakeBluesky } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { failOnPage, recordBatches } from '../test/batch-recorder.js';
import { useFakeSource } from '../test/fake-source.js';
import { sourceQuery } from '../test/source-query.js';
import { secondsApart } from '../test/spaced-in-time.js';
import { BlueskySourceAdapter } from './bluesky-source-adapter.js';

const query = sourceQuery('bluesky', 'acme air', { id: 5 });

/** `count` posts indexed one second apart, the newest `ageSeconds` ago. */
const posts = (count: number, ageSeconds: number, tag: string) =>
  secondsApart(count, ageSeconds).map((indexedAt, i) => ({
    text: `${tag} ${i}: acme air crew were lovely`,
    indexedAt,
  }));

const adapterFor = (f: FakeBluesky) =>
  new BlueskySourceAdapter({ service: f.url, identifier: f.handle, appPassword: f.appPassword });
const ctx = useFakeSource(() => startFakeBluesky(), adapterFor);

describe('BlueskySourceAdapter paging and checkpoints', () => {
  it('signs in once, follows the cursor across pages of 100, newest first, and checkpoints the newest indexedAt', async () => {
    const added = ctx.fake.addPosts(posts(250, 60, 'p'));
    const rec = recordBatches();
    const result = await rec.poll(ctx.adapter, query);

    expect(rec.batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(rec.ids()).toEqual([...added].reverse().map((p) => p.uri));
    const searches = ctx.fake.calls('app.bsky.feed.searchPosts');
    expect(searches.map((r) => r.query.cursor)).toEqual([undefined, '100', '200']);
    expect(searches[0]?.query).toMatchObject({ q: 'acme air', sort: 'latest', limit: '100' });
    expect(Date.now() - Date.parse(searches[0]?.query.since ?? '')).toBeGreaterThanOrEqual(3600_000);
    expect(ctx.fake.calls('com.atproto.server.createSession')).toHaveLength(1);
    const cp = JSON.parse(result.checkpoint ?? '');
    expect(cp.seen[0]).toEqual({ at: added.at(-1)?.indexedAt, uris: [added.at(-1)?.uri] });
    expect(result).toMatchObject({ read: 250, rateLimit: { remaining: 2997 } });
  });

  it('a burst larger than a page between polls is read whole; a poll with nothing new hands nothing over', async () => {
    ctx.fake.addPosts([{ text: 'acme air two hours ago', indexedAt: new Date(Date.now() - 7200_000) }]);
    const first = ctx.fake.addPosts(posts(30, 600, 'first'));
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    const burst = ctx.fake.addPosts(posts(230, 5, 'burst'));
    const two = await rec.poll(ctx.adapter, query, one.checkpoint);
    const three = await rec.poll(ctx.adapter, query, two.checkpoint);

    expect(rec.ids()).toHaveLength(260);
    expect(new Set(rec.ids())).toEqual(new Set([...first, ...burst].map((p) => p.uri)));
    // Poll 2 searched from two minutes (and the sort-time slack) before poll 1's newest post, not the lookback.
    const since = ctx.fake.calls('app.bsky.feed.searchPosts')[1]?.query.since ?? '';
    expect(Date.parse(first.at(-1)?.indexedAt ?? '') - Date.parse(since)).toBe(120_000 + 10_000);
    expect(JSON.parse(three.checkpoint ?? '')).toEqual(JSON.parse(two.checkpoint ?? ''));
  });

  it('equal indexedAt across a poll boundary: the one seen is not read again, the new one is read', async () => {
    const at = new Date(Date.now() - 30_000);
    const [a] = ctx.fake.addPosts([{ text: 'acme air a', indexedAt: at }]);
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    expect(JSON.parse(one.checkpoint ?? '').seen).toEqual([{ at: at.toISOString(), uris: [a?.uri] }]);
    const [b] = ctx.fake.addPosts([{ text: 'acme air b', indexedAt: at }]);
    const two = await rec.poll(ctx.adapter, query, one.checkpoint);
    expect(rec.ids()).toEqual([a?.uri, b?.uri]);
    expect(JSON.parse(two.checkpoint ?? '').seen[0]).toEqual({ at: at.toISOString(), uris: [a?.uri, b?.uri] });
  });

  it('reads a post indexed after the last poll whose createdAt is before that poll’s newest post', async () => {
    const t = Date.now() - 60_000;
    ctx.fake.addPosts([{ text: 'acme air seen', indexedAt: new Date(t) }]);
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    // Written 3 s before the newest post read, indexed 1 s after it: it sorts (and `since` filters) by the 3 s.
    const [late] = ctx.fake.addPosts([
      { text: 'acme air late', createdAt: new Date(t - 3000), indexedAt: new Date(t + 1000) },
    ]);
    await rec.poll(ctx.adapter, query, one.checkpoint);
    expect(rec.ids().at(-1)).toBe(late?.uri);
  });

  it('after a burst past the URI cap raised the floor, still reads posts written just before that floor', async () => {
    // 400 posts 10 ms apart, each written a second before Bluesky indexed it.
    const t = Date.now() - 30_000;
    const many = (n: number, from: number, tag: string, writtenBefore = 1000) =>
      Array.from({ length: n }, (_, i) => ({
        text: `${tag} ${i} acme air`,
        indexedAt: new Date(from + i * 10),
        createdAt: new Date(from + i * 10 - writtenBefore),
      }));
    const burst = ctx.fake.addPosts(many(400, t, 'burst'));
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    const floor = Date.parse(JSON.parse(one.checkpoint ?? '').floor);
    expect(floor).toBeGreaterThan(t); // the cap raised it above most of the burst
    // Indexed after everything read, but written 5 s earlier: they sort below the floor.
    const next = ctx.fake.addPosts(many(20, t + 4000, 'next', 5000));
    expect(Date.parse(next[0]?.createdAt ?? '')).toBeLessThan(floor);
    await rec.poll(ctx.adapter, query, one.checkpoint);
    expect(new Set(rec.ids())).toEqual(new Set([...burst, ...next].map((p) => p.uri)));
    expect(rec.ids()).toHaveLength(420);
  });

  it('posts arriving mid-drain push the offset cursor down: the repeat is dropped, nothing skipped', async () => {
    const before = ctx.fake.addPosts(posts(250, 60, 'old'));
    const rec = recordBatches();
    let pages = 0;
    await ctx.adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async (batch) => {
        await rec.onBatch(batch);
        if (pages++ === 0) ctx.fake.addPosts(posts(3, 1, 'new'));
      },
    });
    expect(ctx.fake.calls('app.bsky.feed.searchPosts')).toHaveLength(3);
    expect(rec.ids()).toHaveLength(250);
    expect(new Set(rec.ids())).toEqual(new Set(before.map((p) => p.uri)));
  });

  it('when Bluesky stops giving a cursor on a full page, searches again below the oldest post read', async () => {
    const capped = await startFakeBluesky({ pageThrough: 200 });
    const all = capped.addPosts(posts(330, 60, 'long'));
    const rec = recordBatches();
    await rec.poll(adapterFor(capped), query);
    await capped.close();
    const searches = capped.calls('app.bsky.feed.searchPosts');
    expect(searches.map((r) => [r.query.cursor, r.query.until === undefined])).toEqual([
      [undefined, true],
      ['100', true],
      [undefined, false],
      ['100', false],
    ]);
    expect(new Set(rec.ids())).toEqual(new Set(all.map((p) => p.uri)));
    expect(rec.ids()).toHaveLength(330);
  });

  it('maps a hit: URI as id, record text and language, handle, display name, DID, web URL', async () => {
    const [post] = ctx.fake.addPosts([
      { text: 'Maria at Acme Air was wonderful', langs: ['en'], author: { handle: 'amy.example', displayName: 'Amy' } },
    ]);
    const rec = recordBatches();
    await rec.poll(ctx.adapter, { ...query, query: 'maria' });
    const rkey = post?.uri.split('/').at(-1);
    expect(rec.batches.flat()).toEqual([
      {
        source: 'bluesky',
        externalId: post?.uri,
        text: 'Maria at Acme Air was wonderful',
        author: { id: post?.author.did, handle: 'amy.example', name: 'Amy' },
        postedAt: post?.createdAt,
        url: `https://bsky.app/profile/amy.example/post/${rkey}`,
        lang: 'en',
        brand: 'Acme Air',
        queryId: 5,
      },
    ]);
  });

  it('an empty first poll keeps the null checkpoint; onBatch failing returns no checkpoint', async () => {
    expect(await ctx.adapter.fetchNew({ query, checkpoint: null, onBatch: async () => {} })).toMatchObject({
      checkpoint: null,
      read: 0,
    });
    ctx.fake.addPosts(posts(150, 60, 'x'));
    const failing = ctx.adapter.fetchNew({ query, checkpoint: null, onBatch: failOnPage(1) });
    await expect(failing).rejects.toThrow('queue down');
    expect(ctx.adapter.name).toBe('bluesky');
  });
});
