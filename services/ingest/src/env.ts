import { BaseEnv, parseEnv } from '@goodchatter/core';
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
});
export type IngestEnv = z.infer<typeof IngestEnv>;

export const loadIngestEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(IngestEnv, env);
