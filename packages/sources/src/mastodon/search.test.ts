/**
 * The Mastodon adapter on full-text queries against the fake Mastodon, which pages search by
 * offset and cuts min_id/max_id to whole seconds of posting time, as Mastodon does.
 */
import { startFakeMastodon } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { SourceQueryError } from '../adapter.js';
import { recordBatches } from '../test/batch-recorder.js';
import { useFakeSource } from '../test/fake-source.js';
import { sourceQuery } from '../test/source-query.js';
import { secondsApart } from '../test/spaced-in-time.js';
import { MastodonSourceAdapter } from './mastodon-source-adapter.js';

const query = sourceQuery('mastodon', 'acme crew', { id: 9 });

const posts = (count: number, ageSeconds: number, tag: string) =>
  secondsApart(count, ageSeconds).map((createdAt, i) => ({
    text: `${tag} ${i}: the acme crew were lovely`,
    createdAt,
  }));

const ctx = useFakeSource(
  () => startFakeMastodon({ accessToken: 'tok' }),
  (fm) => new MastodonSourceAdapter({ url: fm.url, accessToken: 'tok' }),
);

describe('MastodonSourceAdapter on a search query', () => {
  it('pages newest first by offset to an empty page, then polls on from the checkpoint', async () => {
    const first = ctx.fake.addStatuses(posts(90, 600, 'first'));
    ctx.fake.addStatuses([{ text: 'nothing to see', createdAt: new Date(Date.now() - 700_000) }]);
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    expect(rec.batches.map((b) => b.length)).toEqual([40, 40, 10]);
    const reqs = ctx.fake.apiRequests();
    expect(reqs.map((r) => r.query.offset)).toEqual([undefined, '40', '80', '90']);
    expect(reqs[0]?.query).toMatchObject({ q: 'acme crew', type: 'statuses', limit: '40', resolve: 'false' });
    expect(reqs.every((r) => r.authorization === 'Bearer tok')).toBe(true);

    const second = ctx.fake.addStatuses(posts(50, 5, 'second'));
    const two = await rec.poll(ctx.adapter, query, one.checkpoint);
    expect(rec.ids()).toHaveLength(140);
    expect(new Set(rec.ids())).toEqual(new Set([...first, ...second].map((s) => s.uri)));
    // The next poll asks from a second before the overlap window and hands nothing over again.
    await rec.poll(ctx.adapter, query, two.checkpoint);
    expect(rec.ids()).toHaveLength(140);
  });

  it('posts arriving mid-drain push results down: the repeat is dropped, nothing is skipped', async () => {
    const before = ctx.fake.addStatuses(posts(100, 60, 'old'));
    const rec = recordBatches();
    let arrivals = 0;
    await ctx.adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async (batch) => {
        await rec.onBatch(batch);
        if (arrivals++ === 0) ctx.fake.addStatuses(posts(3, 1, 'new'));
      },
    });
    // The three newcomers shifted page 2 by three: its first three were on page 1 already.
    expect(new Set(rec.ids()).size).toBe(rec.ids().length);
    expect(new Set(rec.ids())).toEqual(new Set(before.map((s) => s.uri)));
  });

  it('reads a post from the same second as the newest one already read (Mastodon cuts min_id to the second)', async () => {
    const base = Math.floor(Date.now() / 1000) * 1000 - 30_000;
    const [a] = ctx.fake.addStatuses([{ text: 'acme crew a', createdAt: new Date(base + 10) }]);
    const rec = recordBatches();
    const one = await rec.poll(ctx.adapter, query);
    const [b] = ctx.fake.addStatuses([{ text: 'acme crew b', createdAt: new Date(base + 20) }]);
    await rec.poll(ctx.adapter, query, one.checkpoint);
    expect(rec.ids()).toEqual([a?.uri, b?.uri]);
  });

  it('a rate-limit stop mid-drain resumes below the oldest post read, handing over nothing twice', async () => {
    const limited = await startFakeMastodon({ accessToken: 'tok', rateLimit: 3, rateWindowSeconds: 2 });
    const all = limited.addStatuses(posts(150, 60, 'window'));
    const a = new MastodonSourceAdapter({ url: limited.url, accessToken: 'tok' });
    const rec = recordBatches();
    const cut = await rec.poll(a, query);
    expect(rec.ids()).toHaveLength(120);
    expect(cut.rateLimit).toMatchObject({ remaining: 0 });
    const resume = JSON.parse(cut.checkpoint ?? '');
    expect(resume.rest.below).toBe(all[30]?.id);

    await new Promise((r) => setTimeout(r, Math.max(0, (cut.rateLimit?.resetAt ?? 0) - Date.now()) + 50));
    const done = await rec.poll(a, query, cut.checkpoint);
    await limited.close();
    expect(limited.apiRequests()[3]?.query.max_id).toBeDefined();
    expect(limited.requests.every((r) => r.status === 200)).toBe(true);
    expect(rec.ids()).toHaveLength(150);
    expect(new Set(rec.ids())).toEqual(new Set(all.map((s) => s.uri)));
    expect(JSON.parse(done.checkpoint ?? '').rest).toBeUndefined();
  });

  it('without a token refuses a search query before any request', async () => {
    const anonymous = new MastodonSourceAdapter({ url: ctx.fake.url });
    const error = await anonymous.fetchNew({ query, checkpoint: null, onBatch: async () => {} }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceQueryError);
    expect(error.message).toMatch(/needs MASTODON_ACCESS_TOKEN/);
    expect(ctx.fake.requests).toHaveLength(0);
  });
});
