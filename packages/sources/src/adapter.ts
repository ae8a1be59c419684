import type { MentionInput } from '@goodchatter/core';

/** The part of a tracked query a source needs in order to poll. */
export interface SourceQuery {
  id: number;
  brand: string;
  source: string;
  /** Source-specific: an X search query, or a file path for the replay source. */
  query: string;
  /** Only for a query's first poll (no checkpoint yet): how far back to start. */
  lookbackSeconds: number;
}

export interface FetchRequest {
  query: SourceQuery;
  /** Opaque position saved after the previous successful poll; null on the first. */
  checkpoint: string | null;
  /**
   * Called once per page, in order. The adapter awaits it before reading on, so the
   * caller can enqueue a page durably before the next is fetched.
   */
  onBatch: (items: MentionInput[]) => Promise<void>;
  /**
   * Read budget left for this poll (X bills per post read). When reached mid-way, the
   * adapter stops and returns a checkpoint from which the next poll resumes exactly.
   */
  maxItems?: number;
  signal?: AbortSignal;
}

/** A source's request allowance as its last answer stated it. */
export interface SourceRateLimit {
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  resetAt: number;
}

export interface FetchResult {
  /** The checkpoint to save once every batch has been handed over. */
  checkpoint: string | null;
  /**
   * The allowance after the last request, when the source states one. With `remaining: 0`
   * and a reset still ahead, the poller pauses the query until the reset, so the next
   * request cannot be refused.
   */
  rateLimit?: SourceRateLimit;
  /** Items read from the source (billed reads for X), including skipped ones. */
  read: number;
  /** Items skipped because they can never be stored (a replay line, by its number), with why. */
  skipped?: SkippedItem[];
}

export interface SkippedItem {
  line?: number;
  error: string;
  /** The item as read (a replay line's text, cut to a few KB). */
  raw: string;
}

/**
 * A source of mentions. The contract that keeps mentions from being lost: the caller
 * saves `checkpoint` only after `fetchNew` resolves, i.e. after every `onBatch` resolved.
 * A crash before that re-reads from the old checkpoint; duplicates are absorbed by the
 * (source, externalId) key downstream.
 */
export interface SourceAdapter {
  readonly name: string;
  /** True when the source bills per item read (X): the query's daily budget applies. */
  readonly metered?: boolean;
  fetchNew(req: FetchRequest): Promise<FetchResult>;
  /**
   * Releases what the adapter holds between polls (X's keep-alive sockets). The poller
   * calls it once, after its last poll ended; adapters holding nothing leave it out.
   */
  close?(): void;
}

/** Errors an adapter throws so the poller can decide what to do. */
export class SourceRateLimitedError extends Error {
  override readonly name = 'SourceRateLimitedError';
  constructor(
    message: string,
    /** Epoch milliseconds when requests may resume. */
    readonly resetAt: number,
  ) {
    super(message);
  }
}

/** Credentials refused or query forbidden: retrying will not help until someone edits the query. */
export class SourceAuthError extends Error {
  override readonly name = 'SourceAuthError';
}

/** The query itself is invalid for the source (e.g. unreadable replay file). */
export class SourceQueryError extends Error {
  override readonly name = 'SourceQueryError';
}
