import { expect } from 'vitest';
import {
  type SourceAdapter,
  SourceAuthError,
  type SourceQuery,
  SourceQueryError,
  SourceRateLimitedError,
} from '../adapter.js';

const noop = async () => {};

const thrown = (poll: Promise<unknown>): Promise<Error> =>
  poll.then(
    () => expect.fail('expected the poll to fail'),
    (error: Error) => error,
  );

/** Runs one poll that must fail and returns what it threw. */
export function pollError(adapter: SourceAdapter, query: SourceQuery, checkpoint: string | null = null) {
  return thrown(adapter.fetchNew({ query, checkpoint, onBatch: noop }));
}

/** What a poll whose signal was already aborted throws. */
export function abortedPollError(adapter: SourceAdapter, query: SourceQuery) {
  const controller = new AbortController();
  controller.abort(new Error('shutting down'));
  return thrown(adapter.fetchNew({ query, checkpoint: null, onBatch: noop, signal: controller.signal }));
}

/** A plain Error is what the poller retries with backoff: none of the classes it acts on. */
export function expectPlainError(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  for (const type of [SourceRateLimitedError, SourceAuthError, SourceQueryError])
    expect(error).not.toBeInstanceOf(type);
}
