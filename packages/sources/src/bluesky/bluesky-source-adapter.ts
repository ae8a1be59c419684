/**
 * Bluesky post search (`app.bsky.feed.searchPosts`) as a SourceAdapter, on `@atproto/api`
 * signed in with an app password (session.ts). One poll = one drain, newest first:
 *  1. Search `sort=latest` from a little before the checkpoint's `floor` (checkpoint.ts),
 *     100 a page, following the opaque `cursor` to the end.
 *  2. Hand over each page's posts indexed at or after the floor whose URI has not been
 *     seen, and await it before reading on. The cursor is an offset on Bluesky, so posts
 *     arriving mid-drain repeat a hit on the next page; it is dropped here.
 *  3. A full page without a cursor may be Bluesky declining to page further through a long
 *     result: search again below the oldest post read, until a page comes back short.
 *  4. Only after the last page, return the checkpoint: the newest indexedAt with the URIs
 *     at each recent instant. A stop for the rate limit after the first page returns a
 *     resume point instead; any other error propagates and the old checkpoint is read again.
 */
import type { MentionInput } from '@goodchatter/core';
import type { FetchRequest, FetchResult, SourceAdapter, SourceRateLimit } from '../adapter.js';
import { nextPageOrStop } from '../drain-page.js';
import {
  type BlueskyCheckpoint,
  capInstants,
  type Instant,
  iso,
  mergeInstants,
  parseCheckpoint,
  SORT_SLACK_MS,
  windowAfter,
} from './checkpoint.js';
import { hitToMention, sortTime } from './response.js';
import { BlueskySession } from './session.js';

export const DEFAULT_BLUESKY_SERVICE = 'https://bsky.social';
/** searchPosts' largest page. */
const PAGE_SIZE = 100;

export interface BlueskySourceAdapterOptions {
  /** The PDS or entryway to sign in at; http:// works for a local fake or proxy. */
  service?: string;
  /** The account's handle or DID. */
  identifier: string;
  /** An app password (Settings → App passwords), never the account password. */
  appPassword: string;
  /** Per-request timeout; default 30 s. */
  requestTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

function parseService(service: string): URL {
  let url: URL;
  try {
    url = new URL(service);
  } catch {
    throw new Error(`Bluesky service is not a URL: ${service}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Bluesky service must be http:// or https://, got ${url.protocol}`);
  }
  return url;
}

function rateLimitOf(headers: Record<string, string | undefined>): SourceRateLimit | undefined {
  const remaining = Number(headers['ratelimit-remaining'] ?? Number.NaN);
  const reset = Number(headers['ratelimit-reset'] ?? Number.NaN);
  return Number.isFinite(remaining) && Number.isFinite(reset) ? { remaining, resetAt: reset * 1000 } : undefined;
}

export class BlueskySourceAdapter implements SourceAdapter {
  readonly name = 'bluesky';
  private readonly session: BlueskySession;
  private readonly now: () => number;

  constructor(options: BlueskySourceAdapterOptions) {
    if (!options.identifier || !options.appPassword)
      throw new Error('Bluesky identifier and app password are required');
    this.session = new BlueskySession({
      service: parseService(options.service ?? DEFAULT_BLUESKY_SERVICE),
      identifier: options.identifier,
      appPassword: options.appPassword,
      timeoutMs: options.requestTimeoutMs ?? 30_000,
    });
    this.now = options.now ?? Date.now;
  }

  async fetchNew(req: FetchRequest): Promise<FetchResult> {
    const { query, signal } = req;
    const start: BlueskyCheckpoint =
      req.checkpoint === null
        ? { v: 1, floor: iso(this.now() - Math.max(0, query.lookbackSeconds) * 1000), seen: [] }
        : parseCheckpoint(req.checkpoint);
    const floor = Date.parse(start.floor);
    const sinceMs = floor - SORT_SLACK_MS;
    const since = iso(sinceMs);
    const before = start.rest?.seen ?? [];
    const known = new Set([...start.seen, ...before].flatMap((i) => i.uris));
    const inDrain = new Set<string>();
    const handed: Instant[] = [];
    let until = start.rest?.until;
    let cursor: string | undefined;
    let read = 0;
    let oldest: number | undefined;
    let rateLimit: SourceRateLimit | undefined;
    let cut = false;

    for (;;) {
      signal?.throwIfAborted();
      const fetched = await nextPageOrStop(() => this.search(query.query, since, until, cursor, signal), read);
      if ('stopped' in fetched) {
        rateLimit = fetched.stopped;
        cut = true;
        break;
      }
      const page = fetched.page;
      rateLimit = rateLimitOf(page.headers) ?? rateLimit;
      const { posts } = page.data;
      read += posts.length;
      const mentions: MentionInput[] = [];
      for (const post of posts) {
        if (inDrain.has(post.uri)) continue;
        inDrain.add(post.uri);
        const sorted = sortTime(post);
        oldest = oldest === undefined || sorted < oldest ? sorted : oldest;
        const at = Date.parse(post.indexedAt);
        if (at < floor || known.has(post.uri)) continue;
        known.add(post.uri);
        handed.push({ at: iso(at), uris: [post.uri] });
        const mention = hitToMention(post, query);
        if (mention) mentions.push(mention);
      }
      if (mentions.length > 0) await req.onBatch(mentions);

      const next = page.data.cursor;
      if (next !== undefined && next === cursor) throw new Error('Bluesky repeated a cursor; stopping this drain');
      if (next !== undefined) {
        cursor = next;
      } else if (posts.length === PAGE_SIZE && oldest !== undefined && oldest > sinceMs && iso(oldest + 1) !== until) {
        // Step 3: a full page and no cursor. Repeats at the boundary instant are dropped above.
        until = iso(oldest + 1);
        cursor = undefined;
      } else {
        break;
      }
      if (rateLimit && rateLimit.remaining === 0 && rateLimit.resetAt > this.now()) {
        cut = true;
        break;
      }
    }
    const extra = rateLimit ? { rateLimit } : {};
    if (cut && oldest !== undefined && oldest > sinceMs) {
      const below = Math.min(oldest + 1, until === undefined ? Number.POSITIVE_INFINITY : Date.parse(until));
      const rest = { until: iso(below), seen: capInstants(mergeInstants(before, handed)) };
      return { checkpoint: JSON.stringify({ ...start, rest } satisfies BlueskyCheckpoint), read, ...extra };
    }
    if (req.checkpoint === null && read === 0) return { checkpoint: null, read, ...extra };
    const checkpoint = windowAfter(start.floor, mergeInstants(start.seen, before, handed));
    return { checkpoint: JSON.stringify(checkpoint), read, ...extra };
  }

  private search(
    q: string,
    since: string,
    until: string | undefined,
    cursor: string | undefined,
    signal?: AbortSignal,
  ) {
    return this.session.run(
      (agent) =>
        agent.app.bsky.feed.searchPosts(
          {
            q,
            sort: 'latest',
            since,
            limit: PAGE_SIZE,
            ...(until ? { until } : {}),
            ...(cursor ? { cursor } : {}),
          },
          signal ? { signal } : {},
        ),
      signal,
    );
  }
}
