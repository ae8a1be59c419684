/**
 * How Bluesky's failures reach the poller, through the real client against the fake.
 */
import type { MentionInput } from '@goodchatter/core';
import { type BlueskyFault, type FakeBluesky, startFakeBluesky } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';
import { useFakeSource } from '../test/fake-source.js';
import { abortedPollError, expectPlainError, pollError } from '../test/poll-error.js';
import { sourceQuery } from '../test/source-query.js';
import { BlueskySourceAdapter } from './bluesky-source-adapter.js';

const query = sourceQuery('bluesky', 'acme', { id: 5 });
const noop = async () => {};
const posts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `acme ${i}`, indexedAt: new Date(Date.now() - 60_000 + i * 10) }));

const adapterFor = (f: FakeBluesky, timeoutMs = 2000) =>
  new BlueskySourceAdapter({
    service: f.url,
    identifier: f.handle,
    appPassword: f.appPassword,
    requestTimeoutMs: timeoutMs,
  });
const ctx = useFakeSource(
  () => startFakeBluesky(),
  (f) => adapterFor(f),
);

describe('BlueskySourceAdapter errors', () => {
  it('429 → SourceRateLimitedError at ratelimit-reset', async () => {
    ctx.fake.failNext({ status: 429, resetInSeconds: 3 });
    const error = await pollError(ctx.adapter, query);
    expect(error).toBeInstanceOf(SourceRateLimitedError);
    const wait = (error as SourceRateLimitedError).resetAt - Date.now();
    expect(wait).toBeGreaterThan(1500);
    expect(wait).toBeLessThanOrEqual(4000);
  });

  it('no requests left mid-drain: stops with a resume point, which the next poll finishes without repeats', async () => {
    const limited = await startFakeBluesky({ rateLimit: 2, rateWindowSeconds: 2 });
    const all = limited.addPosts(posts(250));
    const a = adapterFor(limited);
    const seen: MentionInput[] = [];
    const onBatch = async (b: MentionInput[]) => void seen.push(...b);
    const cut = await a.fetchNew({ query, checkpoint: null, onBatch });
    expect(seen).toHaveLength(200);
    expect(cut.rateLimit).toMatchObject({ remaining: 0 });
    const resume = JSON.parse(cut.checkpoint ?? '');
    expect(resume.rest.until).toBe(new Date(Date.parse(all[50]?.createdAt ?? '') + 1).toISOString());

    await new Promise((r) => setTimeout(r, Math.max(0, (cut.rateLimit?.resetAt ?? 0) - Date.now()) + 50));
    const done = await a.fetchNew({ query, checkpoint: cut.checkpoint, onBatch });
    await limited.close();
    expect(limited.calls('app.bsky.feed.searchPosts').every((r) => r.status === 200)).toBe(true);
    expect(seen.map((m) => m.externalId).sort()).toEqual(all.map((p) => p.uri).sort());
    const final = JSON.parse(done.checkpoint ?? '');
    expect(final.rest).toBeUndefined();
    expect(final.seen[0].uris).toEqual([all.at(-1)?.uri]);
  });

  it('a 429 after the first page keeps that page and pauses until the reset', async () => {
    ctx.fake.addPosts(posts(150));
    const result = await ctx.adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async () => ctx.fake.failNext({ status: 429, resetInSeconds: 60 }),
    });
    expect(result.rateLimit?.remaining).toBe(0);
    expect(JSON.parse(result.checkpoint ?? '').rest.seen.flatMap((i: { uris: string[] }) => i.uris)).toHaveLength(100);
  });

  it.each<[string, BlueskyFault, unknown, RegExp]>([
    [
      '403',
      { status: 403, error: 'AccountTakedown', message: 'Account has been suspended' },
      SourceAuthError,
      /Bluesky refused the request \(403\): AccountTakedown: Account has been suspended/,
    ],
    [
      '400 on the search',
      { status: 400, error: 'BadQueryString', message: 'unbalanced quotes' },
      SourceQueryError,
      /Bluesky rejected the search: BadQueryString: unbalanced quotes/,
    ],
    ['502', { status: 502, error: 'UpstreamFailure' }, Error, /Bluesky answered 502: UpstreamFailure/],
    ['malformed JSON', { malformed: true }, Error, /Bluesky sent an unexpected answer: Failed to parse/],
    ['dropped connection', { dropConnection: true }, Error, /Bluesky request failed/],
  ])('%s → the error class the poller acts on, with Bluesky’s words', async (_name, fault, type, message) => {
    ctx.fake.failNext(fault);
    const error = await pollError(ctx.adapter, query);
    expect(error).toBeInstanceOf(type);
    if (type === Error) expectPlainError(error);
    expect(error.message).toMatch(message);
  });

  it('a search slower than requestTimeoutMs → a plain Error, promptly', async () => {
    const impatient = adapterFor(ctx.fake, 300);
    await impatient.fetchNew({ query, checkpoint: null, onBatch: noop }); // signed in
    ctx.fake.failNext({ delayMs: 3000 });
    const started = Date.now();
    const error = await pollError(impatient, query);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toBe('Bluesky request failed: no answer in time');
  });

  it('an unreadable checkpoint → SourceQueryError; an aborted poll stops with its reason', async () => {
    expect(await pollError(ctx.adapter, query, '{"v":1}')).toBeInstanceOf(SourceQueryError);
    expect((await abortedPollError(ctx.adapter, query)).message).toBe('shutting down');
    expect(ctx.fake.calls('app.bsky.feed.searchPosts')).toHaveLength(0);
  });
});
