import { BaseEnv, EnvError, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const IngestEnv = BaseEnv.extend({
  /** Mentions per score job. */
  SCORE_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  /** Tracked queries polled at the same time by one ingest process. */
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often the per-query poll schedules are brought in line with the database. */
  SCHEDULE_SYNC_MS: z.coerce.number().int().min(1000).default(10_000),
  /** `auto`: register the bundled demo query when no source credentials are configured. */
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** App-only bearer token for X; without it the X source is off. */
  X_BEARER_TOKEN: z.string().min(1).optional(),
  /** Origin `/2/...` paths are appended to; http:// works for a local fake or proxy. */
  X_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.x.com'),
  /** The Mastodon instance to read (its origin); without it the Mastodon source is off. */
  MASTODON_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A Mastodon user's access token (scope read): sent with every request, needed for search queries. */
  MASTODON_ACCESS_TOKEN: z.string().min(1).optional(),
  /** Where Bluesky sessions are created (the PDS or entryway). */
  BLUESKY_SERVICE: z.url({ protocol: /^https?$/ }).default('https://bsky.social'),
  /** The Bluesky account (handle or DID) to search as; with BLUESKY_APP_PASSWORD turns the Bluesky source on. */
  BLUESKY_IDENTIFIER: z.string().min(1).optional(),
  /** An app password of that account, never its main password. */
  BLUESKY_APP_PASSWORD: z.string().min(1).optional(),
});
export type IngestEnv = z.infer<typeof IngestEnv>;

/**
 * Settings that only work together: a half-configured source would be silently off, so it
 * stops start-up naming what is missing. Not a refinement of IngestEnv: the one-process
 * stack extends that schema, and zod refuses to extend a refined one.
 */
export function assertSourceSettings(env: IngestEnv): void {
  const problems: string[] = [];
  if (env.MASTODON_ACCESS_TOKEN && !env.MASTODON_URL) problems.push('MASTODON_URL: needed with MASTODON_ACCESS_TOKEN');
  if (env.BLUESKY_IDENTIFIER && !env.BLUESKY_APP_PASSWORD) {
    problems.push('BLUESKY_APP_PASSWORD: needed with BLUESKY_IDENTIFIER');
  }
  if (env.BLUESKY_APP_PASSWORD && !env.BLUESKY_IDENTIFIER) {
    problems.push('BLUESKY_IDENTIFIER: needed with BLUESKY_APP_PASSWORD');
  }
  if (problems.length > 0) throw new EnvError(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

export const loadIngestEnv = (env: Record<string, string | undefined> = process.env) => {
  const parsed = parseEnv(IngestEnv, env);
  assertSourceSettings(parsed);
  return parsed;
};
