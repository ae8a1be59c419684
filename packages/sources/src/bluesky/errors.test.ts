/**
 * How Bluesky's failures reach the poller, through the real client against the fake.
 */
import type { MentionInput } from '@goodchatter/core';
import { type BlueskyFault, type FakeBluesky, startFakeBluesky } from '@goodchatter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceAuthError, type SourceQuery, SourceQueryError, SourceRateLimitedError } from '../adapter.js';
import { BlueskySourceAdapter } from './bluesky-source-adapter.js';

const query: SourceQuery = { id: 5, brand: 'Acme Air', source: 'bluesky', query: 'acme', lookbackSeconds: 3600 };
const noop = async () => {};
const posts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `acme ${i}`, indexedAt: new Date(Date.now() - 60_000 + i * 10) }));

let fb: FakeBluesky;
let adapter: BlueskySourceAdapter;
const adapterFor = (f: FakeBluesky, timeoutMs = 2000) =>
  new BlueskySourceAdapter({
    service: f.url,
    identifier: f.handle,
    appPassword: f.appPassword,
    requestTimeoutMs: timeoutMs,
  });
beforeEach(async () => {
  fb = await startFakeBluesky();
  adapter = adapterFor(fb);
});
afterEach(async () => {
  await fb.close();
});

async function pollError(a = adapter, checkpoint: string | null = null): Promise<Error> {
  return a.fetchNew({ query, checkpoint, onBatch: noop }).then(
    () => expect.fail('expected the poll to fail'),
    (error: Error) => error,
  );
}

describe('BlueskySourceAdapter errors', () => {
  it('429 → SourceRateLimitedError at ratelimit-reset', async () => {
    fb.failNext({ status: 429, resetInSeconds: 3 });
    const error = await pollError();
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
    fb.addPosts(posts(150));
    const result = await adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async () => fb.failNext({ status: 429, resetInSeconds: 60 }),
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
    fb.failNext(fault);
    const error = await pollError();
    expect(error).toBeInstanceOf(type);
    if (type === Error) {
      for (const t of [SourceRateLimitedError, SourceAuthError, SourceQueryError]) expect(error).not.toBeInstanceOf(t);
    }
    expect(error.message).toMatch(message);
  });

  it('a search slower than requestTimeoutMs → a plain Error, promptly', async () => {
    const impatient = adapterFor(fb, 300);
    await impatient.fetchNew({ query, checkpoint: null, onBatch: noop }); // signed in
    fb.failNext({ delayMs: 3000 });
    const started = Date.now();
    const error = await pollError(impatient);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toBe('Bluesky request failed: no answer in time');
  });

  it('an unreadable checkpoint → SourceQueryError; an aborted poll stops with its reason', async () => {
    expect(await pollError(adapter, '{"v":1}')).toBeInstanceOf(SourceQueryError);
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const error = await adapter
      .fetchNew({ query, checkpoint: null, onBatch: noop, signal: controller.signal })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe('shutting down');
    expect(fb.calls('app.bsky.feed.searchPosts')).toHaveLength(0);
  });
});
