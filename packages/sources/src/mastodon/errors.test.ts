/**
 * How an instance's failures reach the poller: each as the error class that tells it what
 * to do, with the instance's own words where it gave any.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MastodonFault, startFakeMastodon } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';
import { useFakeSource } from '../test/fake-source.js';
import { abortedPollError, expectPlainError, pollError } from '../test/poll-error.js';
import { sourceQuery } from '../test/source-query.js';
import { MastodonSourceAdapter } from './mastodon-source-adapter.js';

const query = sourceQuery('mastodon', '#AcmeAir', { id: 3 });
const noop = async () => {};

const ctx = useFakeSource(
  () => startFakeMastodon({ accessToken: 'good' }),
  (fm) => new MastodonSourceAdapter({ url: fm.url, accessToken: 'good', requestTimeoutMs: 2000 }),
);

const statuses = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `#AcmeAir ${i}`, createdAt: new Date(Date.now() - 60_000 + i) }));

describe('MastodonSourceAdapter errors', () => {
  it('429 → SourceRateLimitedError at X-RateLimit-Reset (an ISO time)', async () => {
    ctx.fake.failNext({ status: 429, resetInSeconds: 3 });
    const error = await pollError(ctx.adapter, query);
    expect(error).toBeInstanceOf(SourceRateLimitedError);
    const wait = (error as SourceRateLimitedError).resetAt - Date.now();
    expect(wait).toBeGreaterThan(2000);
    expect(wait).toBeLessThanOrEqual(3000);
    expect(error.message).toMatch(/^Mastodon rate limit reached; resets at 20/);
  });

  it('no requests left mid-drain: stops at a page boundary with a checkpoint there, no 429', async () => {
    const limited = await startFakeMastodon({ rateLimit: 2 });
    const all = limited.addStatuses(statuses(100));
    const a = new MastodonSourceAdapter({ url: limited.url });
    const result = await a.fetchNew({ query, checkpoint: null, onBatch: noop });
    await limited.close();
    expect(limited.requests.map((r) => r.status)).toEqual([200, 200]);
    expect(result.rateLimit).toEqual({ remaining: 0, resetAt: expect.any(Number) });
    expect(JSON.parse(result.checkpoint ?? '').seen[0]).toBe(all[79]?.id);
  });

  it('a 429 after the first page keeps the pages read and pauses until the reset', async () => {
    ctx.fake.addStatuses(statuses(100));
    let pages = 0;
    const result = await ctx.adapter.fetchNew({
      query,
      checkpoint: null,
      onBatch: async () => {
        if (++pages === 1) ctx.fake.failNext({ status: 429, resetInSeconds: 60 });
      },
    });
    expect(pages).toBe(1);
    expect(result.rateLimit?.remaining).toBe(0);
    expect((result.rateLimit?.resetAt ?? 0) - Date.now()).toBeGreaterThan(55_000);
    expect(JSON.parse(result.checkpoint ?? '').seen).toHaveLength(40);
  });

  it.each<[string, MastodonFault, typeof SourceAuthError | typeof SourceQueryError, string]>([
    ['401', { status: 401 }, SourceAuthError, 'Mastodon refused the request (401): The access token is invalid'],
    [
      '403',
      { status: 403, error: 'Your login is currently disabled' },
      SourceAuthError,
      '(403): Your login is currently disabled',
    ],
    ['404', { status: 404 }, SourceQueryError, 'Mastodon refused the request (404): Record not found'],
    ['422', { status: 422 }, SourceQueryError, '(422): This method requires an authenticated user'],
  ])('%s → the error that marks the query failing, with the instance’s message', async (_s, fault, type, message) => {
    ctx.fake.failNext(fault);
    const error = await pollError(ctx.adapter, query);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain(message);
  });

  it('a token the instance does not know → SourceAuthError', async () => {
    const error = await pollError(new MastodonSourceAdapter({ url: ctx.fake.url, accessToken: 'revoked' }), query);
    expect(error).toBeInstanceOf(SourceAuthError);
  });

  it.each<[string, MastodonFault, RegExp]>([
    ['503 JSON', { status: 503 }, /Mastodon answered 503/],
    ['502 from nginx (HTML)', { status: 502, html: true }, /Mastodon answered 502: 502 Bad Gateway/],
    ['malformed JSON', { malformed: true }, /unreadable response/],
    ['dropped connection', { dropConnection: true }, /Mastodon request failed/],
  ])('%s → a plain Error (retried with backoff)', async (_name, fault, message) => {
    ctx.fake.failNext(fault);
    const error = await pollError(ctx.adapter, query);
    expectPlainError(error);
    expect(error.message).toMatch(message);
  });

  it('a body that is not a list of statuses → a plain Error naming the endpoint', async () => {
    // Not the fake: a server answering 200 with JSON of the wrong shape.
    const odd = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[{"id":"not-a-number","content":"hi"}]');
    });
    await new Promise<void>((r) => odd.listen(0, '127.0.0.1', r));
    const error = await pollError(
      new MastodonSourceAdapter({ url: `http://127.0.0.1:${(odd.address() as AddressInfo).port}` }),
      query,
    );
    odd.close();
    expectPlainError(error);
    expect(error.message).toMatch(/^Mastodon tag timeline returned an unexpected body/);
  });

  it('a request slower than requestTimeoutMs → a plain Error, promptly', async () => {
    const impatient = new MastodonSourceAdapter({ url: ctx.fake.url, requestTimeoutMs: 100 });
    ctx.fake.failNext({ delayMs: 2000 });
    const started = Date.now();
    const error = await pollError(impatient, query);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toBe('Mastodon request failed: no answer within 100 ms');
  });

  it('an unreadable checkpoint → SourceQueryError before any request; an aborted poll stops with its reason', async () => {
    expect(await pollError(ctx.adapter, query, 'not-a-checkpoint')).toBeInstanceOf(SourceQueryError);
    expect((await abortedPollError(ctx.adapter, query)).message).toBe('shutting down');
    expect(ctx.fake.requests).toHaveLength(0);
  });
});
