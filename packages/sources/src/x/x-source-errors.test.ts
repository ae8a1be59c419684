/**
 * How X's failures reach the poller: each as the error class that tells it what to do.
 */
import { startFakeX } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';
import { useFakeSource } from '../test/fake-source.js';
import { abortedPollError, expectPlainError, pollError } from '../test/poll-error.js';
import { sourceQuery } from '../test/source-query.js';
import { XSourceAdapter } from './x-source-adapter.js';

const query = sourceQuery('x', '@AcmeAir', { id: 3 });
const noop = async () => {};

const ctx = useFakeSource(
  () => startFakeX({ bearerToken: 'good-token' }),
  (fx) => new XSourceAdapter({ bearerToken: 'good-token', baseUrl: fx.url, requestTimeoutMs: 2000 }),
);

describe('XSourceAdapter errors', () => {
  it('429 → SourceRateLimitedError with resetAt from x-rate-limit-reset', async () => {
    ctx.fake.failNext({ status: 429, resetInSeconds: 2 });
    const before = Date.now();
    const error = await pollError(ctx.adapter, query);
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
    const wrong = new XSourceAdapter({ bearerToken: 'revoked', baseUrl: ctx.fake.url });
    const error = await pollError(wrong, query);
    wrong.close();
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toBe('X refused the request (401): Unauthorized');
  });

  it('403 → SourceAuthError carrying title and detail', async () => {
    ctx.fake.failNext({ status: 403, title: 'Client Forbidden', detail: 'This app is not attached to a Project.' });
    const error = await pollError(ctx.adapter, query);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toContain('Client Forbidden: This app is not attached to a Project.');
  });

  it('400 from X → SourceQueryError', async () => {
    const long = new XSourceAdapter({ bearerToken: 'good-token', baseUrl: ctx.fake.url });
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
    ctx.fake.failNext(fault);
    const error = await pollError(ctx.adapter, query);
    expectPlainError(error);
    expect(error.message).toMatch(message);
  });

  it('a request slower than requestTimeoutMs → a plain Error', async () => {
    const impatient = new XSourceAdapter({ bearerToken: 'good-token', baseUrl: ctx.fake.url, requestTimeoutMs: 100 });
    ctx.fake.failNext({ delayMs: 2000 });
    const started = Date.now();
    const error = await pollError(impatient, query);
    impatient.close();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).not.toBeInstanceOf(SourceRateLimitedError);
    expect((error as Error).message).toMatch(/X request failed: Request timeout/);
  });

  it('a 503 mid-drain propagates; the retry from the same checkpoint reads everything', async () => {
    ctx.fake.addTweets(
      Array.from({ length: 150 }, (_, i) => ({ text: `t${i}`, createdAt: new Date(Date.now() - 60_000 - i) })),
    );
    const first = await ctx.adapter.fetchNew({ query, checkpoint: null, onBatch: noop });
    ctx.fake.addTweets(
      Array.from({ length: 150 }, (_, i) => ({ text: `n${i}`, createdAt: new Date(Date.now() - 1000 - i) })),
    );
    const seen: string[] = [];
    const onBatch = async (b: { externalId: string }[]) => void seen.push(...b.map((m) => m.externalId));
    // Page 1 succeeds, page 2 fails.
    let calls = 0;
    const result = ctx.adapter.fetchNew({
      query,
      checkpoint: first.checkpoint,
      onBatch: async (b) => {
        calls += 1;
        if (calls === 1) ctx.fake.failNext({ status: 503 });
        await onBatch(b);
      },
    });
    await expect(result).rejects.toThrow(/503/);
    expect(seen).toHaveLength(100);
    seen.length = 0;
    const retry = await ctx.adapter.fetchNew({ query, checkpoint: first.checkpoint, onBatch });
    expect(seen).toHaveLength(150);
    expect(retry.checkpoint).not.toBe(first.checkpoint);
  });

  it('an unreadable checkpoint → SourceQueryError before any request', async () => {
    const error = await pollError(ctx.adapter, query, 'not-a-checkpoint');
    expect(error).toBeInstanceOf(SourceQueryError);
    expect(ctx.fake.requests).toHaveLength(0);
  });

  it('an aborted signal stops the poll with the abort reason', async () => {
    expect((await abortedPollError(ctx.adapter, query)).message).toBe('shutting down');
    expect(ctx.fake.requests).toHaveLength(0);
  });
});
