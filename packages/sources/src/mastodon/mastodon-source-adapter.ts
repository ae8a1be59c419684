/**
 * A Mastodon instance as a SourceAdapter: `#tag` queries read the public tag timeline
 * (tag-timeline.ts), other text the full-text search (search.ts, needs an access token).
 * Both hand over page by page and return the checkpoint (checkpoint.ts) only at the end;
 * Mastodon does not bill reads, so no daily budget applies.
 */
import { type FetchRequest, type FetchResult, type SourceAdapter, SourceQueryError } from '../adapter.js';
import { firstCheckpoint, parseCheckpoint } from './checkpoint.js';
import { type MastodonClientOptions, parseInstanceUrl } from './client.js';
import type { DrainContext } from './drain.js';
import { parseMastodonQuery } from './query.js';
import { drainSearch } from './search.js';
import { drainTagTimeline } from './tag-timeline.js';

export interface MastodonSourceAdapterOptions {
  /** The instance's origin, e.g. `https://mastodon.social`; http:// works for a local fake or proxy. */
  url: string;
  /** A user's access token (scope `read`); needed for search queries only. */
  accessToken?: string;
  /** Per-request timeout; default 30 s. */
  requestTimeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export class MastodonSourceAdapter implements SourceAdapter {
  readonly name = 'mastodon';
  private readonly client: MastodonClientOptions;

  constructor(options: MastodonSourceAdapterOptions) {
    this.client = {
      base: parseInstanceUrl(options.url),
      ...(options.accessToken ? { accessToken: options.accessToken } : {}),
      timeoutMs: options.requestTimeoutMs ?? 30_000,
      now: options.now ?? Date.now,
    };
  }

  async fetchNew(req: FetchRequest): Promise<FetchResult> {
    const { query } = req;
    const parsed = parseMastodonQuery(query.query);
    if (parsed.kind === 'search' && !this.client.accessToken) {
      // The API refuses to create such a query; one stored before the token went away lands here.
      throw new SourceQueryError('a Mastodon search (any query but #tags) needs MASTODON_ACCESS_TOKEN');
    }
    const start =
      req.checkpoint === null
        ? firstCheckpoint(this.client.now(), query.lookbackSeconds)
        : parseCheckpoint(req.checkpoint);
    const ctx: DrainContext = {
      client: this.client,
      query,
      onBatch: req.onBatch,
      now: this.client.now,
      ...(req.signal ? { signal: req.signal } : {}),
    };
    const result =
      parsed.kind === 'tags'
        ? await drainTagTimeline(ctx, parsed.tags, start)
        : await drainSearch(ctx, parsed.q, start);
    // A first poll that found nothing keeps no checkpoint: the next one looks back again.
    return req.checkpoint === null && result.read === 0 ? { ...result, checkpoint: null } : result;
  }
}
