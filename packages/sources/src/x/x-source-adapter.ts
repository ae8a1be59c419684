/**
 * X (Twitter) recent search as a SourceAdapter, on twitter-api-v2 with an app-only bearer.
 *
 * One poll = one drain, newest first:
 *  1. Work out the window from the checkpoint (see checkpoint.ts): `start_time` on a first
 *     poll, `since_id` after a completed poll, `since_id` + `until_id` when resuming a drain
 *     the read budget cut short.
 *  2. Request pages of up to 100, following `next_token` to the end; hand every page to
 *     `onBatch` and await it before reading the next, skipping tweets already handed over
 *     in this poll (X can repeat one across two pages).
 *  3. Only after the last page, return the first page's `newest_id` as the checkpoint.
 *     Any error before that (X, network, or onBatch itself) propagates and no checkpoint
 *     is returned, so the caller re-polls from the old one: repeats, never gaps.
 *  4. If the next page could exceed `maxItems` (or X says no requests remain in this
 *     window), stop at a page boundary and return a resume point instead.
 */
import type { Agent } from 'node:http';
import type { FetchRequest, FetchResult, SourceAdapter, SourceRateLimit } from '../adapter.js';
import { minId, type Position, parseCheckpoint, serializeResume, sinceIdForTime, timeOfId } from './checkpoint.js';
import { createAgent, createXClient, DEFAULT_X_BASE_URL, parseBaseUrl } from './client.js';
import { toSourceError } from './errors.js';
import { buildSearchQuery } from './query.js';
import { EXPANSIONS, pageToMentions, parseSearchPage, TWEET_FIELDS, USER_FIELDS } from './response.js';

/** X's page size bounds for recent search. */
const MAX_PAGE = 100;
const MIN_PAGE = 10;
/**
 * X's recent index covers 7 days and rejects an older start_time. Stay 10 minutes inside
 * it so clock skew and request latency cannot turn a 7-day lookback into a 400.
 */
export const MAX_LOOKBACK_SECONDS = 7 * 24 * 3600 - 600;

export interface XSourceAdapterOptions {
  bearerToken: string;
  /** Origin (optionally with a path prefix) to which `/2/...` is appended; http or https. */
  baseUrl?: string;
  /** Per-request timeout; default 30 s. */
  requestTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** The search window a drain reads; constant for every page of the drain. */
interface Window {
  lower: { since_id: string } | { start_time: string };
  /** `since_id` form of the lower bound, for resume points. */
  lowerSinceId: string;
  untilId?: string;
  /** Set when resuming: the newest id of the drain being resumed. */
  pendingNewestId?: string;
}

function isoSeconds(ms: number): string {
  // X wants RFC 3339 to the second; flooring keeps start_time inclusive of the lookback.
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export class XSourceAdapter implements SourceAdapter {
  readonly name = 'x';
  /** X bills every post read, so the query's daily read budget applies. */
  readonly metered = true;
  private readonly base: URL;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: XSourceAdapterOptions) {
    if (!options.bearerToken) throw new Error('X bearer token is required');
    this.base = parseBaseUrl(options.baseUrl ?? DEFAULT_X_BASE_URL);
    this.agent = createAgent(this.base);
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  /** `rateLimit` comes from the rate-limit headers of the last response, when X sent them. */
  async fetchNew(req: FetchRequest): Promise<FetchResult> {
    const { query, onBatch, signal } = req;
    const position = parseCheckpoint(req.checkpoint);
    if (position.kind === 'resume' && this.isBeyondReach(position.resume.until_id)) {
      // Everything left of the interrupted drain has aged out of X's 7-day index.
      return { checkpoint: position.resume.newest_id, read: 0 };
    }
    const window = this.windowFor(position, query.lookbackSeconds);
    const client = createXClient({
      bearerToken: this.options.bearerToken,
      base: this.base,
      timeoutMs: this.timeoutMs,
      agent: this.agent,
      ...(signal ? { signal } : {}),
    });
    const budget = req.maxItems ?? Number.POSITIVE_INFINITY;
    const seen = new Set<string>();
    let read = 0;
    let newestId = window.pendingNewestId;
    let oldestId: string | undefined;
    let nextToken: string | undefined;
    let rateLimit: SourceRateLimit | undefined;

    const stopEarly = (): FetchResult => {
      // Nothing handed over yet: the old checkpoint is still exactly right.
      const checkpoint =
        oldestId === undefined || newestId === undefined
          ? req.checkpoint
          : serializeResume({ v: 1, since_id: window.lowerSinceId, until_id: oldestId, newest_id: newestId });
      return { checkpoint, read, ...(rateLimit ? { rateLimit } : {}) };
    };

    for (;;) {
      signal?.throwIfAborted();
      const left = budget - read;
      if (left < MIN_PAGE) return stopEarly();
      let body: unknown;
      try {
        const paginator = await client.v2.search({
          query: buildSearchQuery(query.query),
          max_results: Math.min(MAX_PAGE, left),
          'tweet.fields': [...TWEET_FIELDS],
          expansions: [...EXPANSIONS],
          'user.fields': [...USER_FIELDS],
          ...window.lower,
          ...(window.untilId ? { until_id: window.untilId } : {}),
          ...(nextToken ? { next_token: nextToken } : {}),
        });
        body = paginator.data;
        const { remaining, reset } = paginator.rateLimit;
        if (Number.isFinite(remaining) && Number.isFinite(reset)) {
          rateLimit = { remaining, resetAt: reset * 1000 };
        }
      } catch (error) {
        throw toSourceError(error, signal);
      }
      const page = parseSearchPage(body);
      const ids = (page.data ?? []).map((t) => t.id);
      read += ids.length;
      newestId ??= page.meta.newest_id ?? ids[0];
      const mentions = pageToMentions(page, query, seen);
      if (mentions.length > 0) await onBatch(mentions);
      oldestId = minId(oldestId === undefined ? ids : [...ids, oldestId]);

      // X may send a page with no tweets but a next_token (posts removed after matching):
      // only the absence of next_token ends the drain, or older pages would be skipped.
      if (!page.meta.next_token) break;
      if (page.meta.next_token === nextToken) throw new Error('X repeated a next_token; stopping this drain');
      nextToken = page.meta.next_token;
      // X would answer the next page with a 429; resuming later re-reads nothing.
      if (rateLimit?.remaining === 0 && rateLimit.resetAt > this.now()) return stopEarly();
    }
    // A drain that found nothing keeps the old position (null stays null: the next first
    // poll looks back again, which re-reads nothing because there was nothing).
    const checkpoint = newestId ?? (position.kind === 'since' ? position.sinceId : req.checkpoint);
    return { checkpoint, read, ...(rateLimit ? { rateLimit } : {}) };
  }

  private isBeyondReach(id: string): boolean {
    return timeOfId(id) < this.now() - MAX_LOOKBACK_SECONDS * 1000;
  }

  /** Step 1: the window for this drain. */
  private windowFor(position: Position, lookbackSeconds: number): Window {
    const now = this.now();
    const oldestReachable = now - MAX_LOOKBACK_SECONDS * 1000;
    const fromTime = (ms: number): Window['lower'] => ({ start_time: isoSeconds(ms) });
    if (position.kind === 'first') {
      const lookback = Math.min(Math.max(lookbackSeconds, 0), MAX_LOOKBACK_SECONDS);
      const start = now - lookback * 1000;
      return { lower: fromTime(start), lowerSinceId: sinceIdForTime(Math.floor(start / 1000) * 1000) };
    }
    const sinceId = position.kind === 'since' ? position.sinceId : position.resume.since_id;
    // A query paused for over a week: X would reject the old since_id, and everything
    // before the 7-day horizon is out of reach anyway.
    const lower = this.isBeyondReach(sinceId) ? fromTime(oldestReachable) : { since_id: sinceId };
    const lowerSinceId = 'since_id' in lower ? sinceId : sinceIdForTime(oldestReachable);
    if (position.kind === 'since') return { lower, lowerSinceId };
    // until_id and start_time conflict on X; a resume point always carries since_id.
    return {
      lower: { since_id: lowerSinceId },
      lowerSinceId,
      untilId: position.resume.until_id,
      pendingNewestId: position.resume.newest_id,
    };
  }
}
