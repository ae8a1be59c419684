/**
 * How X's failures reach the poller: each as the error class that tells it what to do.
 */
import { type FakeX, startFakeX } from '@goodchatter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceAuthError, type SourceQuery, SourceQueryError, SourceRateLimitedError } from '../adapter.js';
import { XSourceAdapter } from './x-source-adapter.js';

const query: SourceQuery = { id: 3, brand: 'Acme Air', source: 'x', query: '@AcmeAir', lookbackSeconds: 3600 };
const noop = async () => {};

let fx: FakeX;
let adapter: XSourceAdapter;
beforeEach(async () => {
  fx = await startFakeX({ bearerToken: 'good-token' });
  adapter = new XSourceAdapter({ bearerToken: 'good-token', baseUrl: fx.url, requestTimeoutMs: 2000 });
});
afterEach(async () => {
  adapter.close();
  await fx.close();
});

/** Runs one poll and returns what it threw. */
async function pollError(a: XSourceAdapter = adapter, checkpoint: string | null = null): Promise<unknown> {
  return a.fetchNew({ query, checkpoint, onBatch: noop }).then(
    () => expect.fail('expected the poll to fail'),
    (error: unknown) => error,
  );
}

describe('XSourceAdapter errors', () => {
  it('429 → SourceRateLimitedError with resetAt from x-rate-limit-reset', async () => {
    fx.failNext({ status: 429, resetInSeconds: 2 });
    const before = Date.now();
    const error = await pollError();
    expect(error).toBeInstanceOf(SourceRateLimitedError);
    const resetAt = (error as SourceRateLimitedError).resetAt;
    // The header has whole seconds: reset = ceil(now/1000) + 2.
    expect(resetAt % 1000).toBe(0);
    expect(resetAt).toBeGreaterThan(before + 1000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 3000);
  });

  it('no requests left in the window mid-drain: stops with a resume point instead of a 429', async () => {
    const limited = await startFakeX({ rateLimit: 1, rateWindowSeconds: 60 });
    limited.addTweets(
      Array.from({ length: 150 }, (_, i) => ({ text: `t${i}`, createdAt: new Date(Date.now() - 60_000 - i) })),
    );
    const a = new XSourceAdapter({ bearerToken: 'x', baseUrl: limited.url });
    const pages: number[] = [];
    const result = await a.fetchNew({ query, checkpoint: null, onBatch: async (b) => void pages.push(b.length) });
    a.close();
    await limited.close();
    expect(pages).toEqual([100]);
    expect(limited.requests).toHaveLength(1);
    expect(result.rateLimit).toEqual({ remaining: 0, resetAt: expect.any(Number) });
    expect(result.rateLimit?.resetAt).toBeGreaterThan(Date.now());
    expect(JSON.parse(result.checkpoint ?? '{}')).toMatchObject({ v: 1, until_id: expect.any(String) });
  });

  it("401 → SourceAuthError with X's message", async () => {
    const wrong = new XSourceAdapter({ bearerToken: 'revoked', baseUrl: fx.url });
    const error = await pollError(wrong);
    wrong.close();
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toBe('X refused the request (401): Unauthorized');
  });

  it('403 → SourceAuthError carrying title and detail', async () => {
    fx.failNext({ status: 403, title: 'Client Forbidden', detail: 'This app is not attached to a Project.' });
    const error = await pollError();
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toContain('Client Forbidden: This app is not attached to a Project.');
  });

  it('400 from X → SourceQueryError', async () => {
    const long = new XSourceAdapter({ bearerToken: 'good-token', baseUrl: fx.url });
    const error = await long
      .fetchNew({ query: { ...query, query: 'a'.repeat(600) }, checkpoint: null, onBatch: noop })
      .catch((e: unknown) => e);
    long.close();
    expect(error).toBeInstanceOf(SourceQueryError);
    expect((error as Error).message).toContain('longer than 512');
  });

  it.each([
    ['503', { status: 503 } as const, /X answered 503: Service Unavailable/],
    ['malformed JSON', { malformed: true } as const, /unreadable response/],
    ['dropped connection', { dropConnection: true } as const, /X request failed/],
  ])('%s → a plain Error (retried with backoff)', async (_name, fault, message) => {
    fx.failNext(fault);
    const error = await pollError();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SourceRateLimitedError);
    expect(error).not.toBeInstanceOf(SourceAuthError);
    expect(error).not.toBeInstanceOf(SourceQueryError);
    expect((error as Error).message).toMatch(message);
  });

  it('a request slower than requestTimeoutMs → a plain Error', async () => {
    const impatient = new XSourceAdapter({ bearerToken: 'good-token', baseUrl: fx.url, requestTimeoutMs: 100 });
    fx.failNext({ delayMs: 2000 });
    const started = Date.now();
    const error = await pollError(impatient);
    impatient.close();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).not.toBeInstanceOf(SourceRateLimitedError);
    expect((error as Error).message).toMatch(/X request failed: Request timeout/);
  });

  it('a 503 mid-drain propagates; the retry from the same checkpoint reads everything', async () => {
    fx.addTweets(
      Array.from({ length: 150 }, (_, i) => ({ text: `t${i}`, createdAt: new Date(Date.now() - 60_000 - i) })),
    );
    const first = await adapter.fetchNew({ query, checkpoint: null, onBatch: noop });
    fx.addTweets(
      Array.from({ length: 150 }, (_, i) => ({ text: `n${i}`, createdAt: new Date(Date.now() - 1000 - i) })),
    );
    const seen: string[] = [];
    const onBatch = async (b: { externalId: string }[]) => void seen.push(...b.map((m) => m.externalId));
    // Page 1 succeeds, page 2 fails.
    let calls = 0;
    const result = adapter.fetchNew({
      query,
      checkpoint: first.checkpoint,
      onBatch: async (b) => {
        calls += 1;
        if (calls === 1) fx.failNext({ status: 503 });
        await onBatch(b);
      },
    });
    await expect(result).rejects.toThrow(/503/);
    expect(seen).toHaveLength(100);
    seen.length = 0;
    const retry = await adapter.fetchNew({ query, checkpoint: first.checkpoint, onBatch });
    expect(seen).toHaveLength(150);
    expect(retry.checkpoint).not.toBe(first.checkpoint);
  });

  it('an unreadable checkpoint → SourceQueryError before any request', async () => {
    const error = await pollError(adapter, 'not-a-checkpoint');
    expect(error).toBeInstanceOf(SourceQueryError);
    expect(fx.requests).toHaveLength(0);
  });

  it('an aborted signal stops the poll with the abort reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    const error = await adapter
      .fetchNew({ query, checkpoint: null, onBatch: noop, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('shutting down');
    expect(fx.requests).toHaveLength(0);
  });
});
