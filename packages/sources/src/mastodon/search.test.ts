/**
 * The Mastodon adapter on full-text queries against the fake Mastodon, which pages search by
 * offset and cuts min_id/max_id to whole seconds of posting time, as Mastodon does.
 */
import type { MentionInput } from '@goodchatter/core';
import { type FakeMastodon, startFakeMastodon } from '@goodchatter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SourceQuery, SourceQueryError } from '../adapter.js';
import { MastodonSourceAdapter } from './mastodon-source-adapter.js';

const query: SourceQuery = { id: 9, brand: 'Acme Air', source: 'mastodon', query: 'acme crew', lookbackSeconds: 3600 };

const posts = (count: number, ageSeconds: number, tag: string) =>
  Array.from({ length: count }, (_, i) => ({
    text: `${tag} ${i}: the acme crew were lovely`,
    createdAt: new Date(Date.now() - (ageSeconds + count - i) * 1000),
  }));

function recorder() {
  const batches: MentionInput[][] = [];
  return {
    batches,
    onBatch: async (batch: MentionInput[]) => void batches.push(batch),
    uris: () => batches.flat().map((m) => m.externalId),
  };
}

let fm: FakeMastodon;
let adapter: MastodonSourceAdapter;
beforeEach(async () => {
  fm = await startFakeMastodon({ accessToken: 'tok' });
  adapter = new MastodonSourceAdapter({ url: fm.url, accessToken: 'tok' });
});
afterEach(async () => {
  await fm.close();
});

describe('MastodonSourceAdapter on a search query', () => {
  it('pages newest first by offset to an empty page, then polls on from the checkpoint', async () => {
    const first = fm.addStatuses(posts(90, 600, 'first'));
    fm.addStatuses([{ text: 'nothing to see', createdAt: new Date(Date.now() - 700_000) }]);
    const rec = recorder();
    const one = await adapter.fetchNew({ query, checkpoint: null, onBatch: rec.onBatch });
    expect(rec.batches.map((b) => b.length)).toEqual([40, 40, 10]);
    const reqs = fm.apiRequests();
    expect(reqs.map((r) => r.query.offset)).toEqual([undefined, '40', '80', '90']);
    expect(reqs[0]?.query).toMatchObject({ q: 'acme crew', type: 'statuses', limit: '40', resolve: 'false' });
    expect(reqs.every((r) => r.authorization === 'Bearer tok')).toBe(true);

    const second = fm.addStatuses(posts(50, 5, 'second'));
    const two = await adapter.fetchNew({ query, checkpoint: one.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(140);
    expect(new Set(rec.uris())).toEqual(new Set([...first, ...second].map((s) => s.uri)));
    // The next poll asks from a second before the overlap window and hands nothing over again.
    await adapter.fetchNew({ query, checkpoint: two.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(140);
  });

  it('posts arriving mid-drain push results down: the repeat is dropped, nothing is skipped', async () => {
    const before = fm.addStatuses(posts(100, 60, 'old'));
    const rec = recorder();
    let arrivals = 0;
    await adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async (batch) => {
        await rec.onBatch(batch);
        if (arrivals++ === 0) fm.addStatuses(posts(3, 1, 'new'));
      },
    });
    // The three newcomers shifted page 2 by three: its first three were on page 1 already.
    expect(new Set(rec.uris()).size).toBe(rec.uris().length);
    expect(new Set(rec.uris())).toEqual(new Set(before.map((s) => s.uri)));
  });

  it('reads a post from the same second as the newest one already read (Mastodon cuts min_id to the second)', async () => {
    const base = Math.floor(Date.now() / 1000) * 1000 - 30_000;
    const [a] = fm.addStatuses([{ text: 'acme crew a', createdAt: new Date(base + 10) }]);
    const rec = recorder();
    const one = await adapter.fetchNew({ query, checkpoint: null, onBatch: rec.onBatch });
    const [b] = fm.addStatuses([{ text: 'acme crew b', createdAt: new Date(base + 20) }]);
    await adapter.fetchNew({ query, checkpoint: one.checkpoint, onBatch: rec.onBatch });
    expect(rec.uris()).toEqual([a?.uri, b?.uri]);
  });

  it('a rate-limit stop mid-drain resumes below the oldest post read, handing over nothing twice', async () => {
    const limited = await startFakeMastodon({ accessToken: 'tok', rateLimit: 3, rateWindowSeconds: 2 });
    const all = limited.addStatuses(posts(150, 60, 'window'));
    const a = new MastodonSourceAdapter({ url: limited.url, accessToken: 'tok' });
    const rec = recorder();
    const cut = await a.fetchNew({ query, checkpoint: null, onBatch: rec.onBatch });
    expect(rec.uris()).toHaveLength(120);
    expect(cut.rateLimit).toMatchObject({ remaining: 0 });
    const resume = JSON.parse(cut.checkpoint ?? '');
    expect(resume.rest.below).toBe(all[30]?.id);

    await new Promise((r) => setTimeout(r, Math.max(0, (cut.rateLimit?.resetAt ?? 0) - Date.now()) + 50));
    const done = await a.fetchNew({ query, checkpoint: cut.checkpoint, onBatch: rec.onBatch });
    await limited.close();
    expect(limited.apiRequests()[3]?.query.max_id).toBeDefined();
    expect(limited.requests.every((r) => r.status === 200)).toBe(true);
    expect(rec.uris()).toHaveLength(150);
    expect(new Set(rec.uris())).toEqual(new Set(all.map((s) => s.uri)));
    expect(JSON.parse(done.checkpoint ?? '').rest).toBeUndefined();
  });

  it('without a token refuses a search query before any request', async () => {
    const anonymous = new MastodonSourceAdapter({ url: fm.url });
    const error = await anonymous.fetchNew({ query, checkpoint: null, onBatch: async () => {} }).catch((e) => e);
    expect(error).toBeInstanceOf(SourceQueryError);
    expect(error.message).toMatch(/needs MASTODON_ACCESS_TOKEN/);
    expect(fm.requests).toHaveLength(0);
  });
});
