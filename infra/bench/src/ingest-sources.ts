/**
 * The fakes `pnpm bench ingest` can read from, behind one shape: each starts its fake
 * (with a rate limit the benchmark never reaches), gives the settings that point ingest
 * at it, adds posts, and counts the read requests it answered. The fake's clock is called
 * on every request, which is how the benchmark learns when the first one came.
 */
import type { QuerySource } from '@goodchatter/core';
import { startFakeBluesky, startFakeMastodon, startFakeX } from '@goodchatter/testing';

/** The polled sources with a fake to read from (replay needs none). */
export const BENCH_SOURCES = ['x', 'mastodon', 'bluesky'] as const satisfies readonly QuerySource[];
export type BenchSourceName = (typeof BENCH_SOURCES)[number];

export interface BenchSource {
  name: BenchSourceName;
  /** What one item is called on that network. */
  unit: string;
  /** Items per read request (the API's largest page). */
  pageSize: number;
  /** Ingest settings pointing at the fake. */
  settings: Record<string, string>;
  query: string;
  /** Adds `count` posts numbered from `first`, posted at `postedAt(i)`. */
  add(first: number, count: number, postedAt: (i: number) => Date): void;
  /** Read requests answered (search or timeline pages; not sign-ins), with their statuses. */
  reads(): { status: number }[];
  /** Other requests (Bluesky's sign-in), to report beside the reads. */
  other(): number;
  close(): Promise<void>;
}

const words = (i: number) => `thank you, flight ${i} was lovely`;

export async function startBenchSource(name: BenchSourceName, now: () => number): Promise<BenchSource> {
  if (name === 'x') {
    const fx = await startFakeX({ bearerToken: 'bench-bearer-token', rateLimit: 1_000_000, now });
    return {
      name,
      unit: 'tweets',
      pageSize: 100,
      settings: { X_BEARER_TOKEN: 'bench-bearer-token', X_API_BASE_URL: fx.url },
      query: '@AcmeAir OR "Acme Air"',
      add: (first, count, postedAt) =>
        void fx.addTweets(
          Array.from({ length: count }, (_, i) => ({
            text: `@AcmeAir ${words(first + i)}`,
            createdAt: postedAt(first + i),
            author: { username: `fan${(first + i) % 997}`, followers: (first + i) % 5000 },
          })),
        ),
      reads: () => fx.searchRequests(),
      other: () => 0,
      close: () => fx.close(),
    };
  }
  if (name === 'mastodon') {
    const fm = await startFakeMastodon({ rateLimit: 1_000_000, now });
    return {
      name,
      unit: 'statuses',
      pageSize: 40,
      settings: { MASTODON_URL: fm.url },
      query: '#AcmeAir',
      add: (first, count, postedAt) =>
        void fm.addStatuses(
          Array.from({ length: count }, (_, i) => ({
            text: `#AcmeAir ${words(first + i)}`,
            createdAt: postedAt(first + i),
            account: { username: `fan${(first + i) % 997}`, followers: (first + i) % 5000 },
          })),
        ),
      reads: () => fm.apiRequests(),
      other: () => 0,
      close: () => fm.close(),
    };
  }
  const fb = await startFakeBluesky({ rateLimit: 1_000_000, now });
  return {
    name,
    unit: 'posts',
    pageSize: 100,
    settings: { BLUESKY_SERVICE: fb.url, BLUESKY_IDENTIFIER: fb.handle, BLUESKY_APP_PASSWORD: fb.appPassword },
    query: 'acme air',
    add: (first, count, postedAt) =>
      void fb.addPosts(
        Array.from({ length: count }, (_, i) => ({
          text: `Acme Air ${words(first + i)}`,
          indexedAt: postedAt(first + i),
          author: { handle: `fan${(first + i) % 997}.bsky.social` },
        })),
      ),
    reads: () => fb.calls('app.bsky.feed.searchPosts'),
    other: () => fb.requests.length - fb.calls('app.bsky.feed.searchPosts').length,
    close: () => fb.close(),
  };
}
