import { BaseEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

const urlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an http(s) URL' })));

export const NotifierEnv = BaseEnv.extend({
  /** Comma-separated http(s) URLs that receive a POST for every new praise. */
  WEBHOOK_URLS: urlList.default([]),
  /** Per-request timeout. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Tries per delivery before it is marked failed (exponential backoff from 1 s). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Deliveries in flight at once per notifier process. */
  NOTIFIER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});
export type NotifierEnv = z.infer<typeof NotifierEnv>;

export const loadNotifierEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(NotifierEnv, env);
