import { BaseEnv, booleanFromEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const NotifierEnv = BaseEnv.extend({
  /**
   * Webhook secrets at rest (AES-256-GCM; 32 bytes as base64 or 64 hex digits) and the keys
   * they may still be sealed under (comma-separated). @goodchatter/db's secret box reads them
   * from the environment and checks them; listed here so compose and the settings check pass them.
   */
  GOODCHATTER_SECRET_KEY: z.string().optional(),
  GOODCHATTER_SECRET_KEY_PREVIOUS: z.string().optional(),
  /** Per-request deadline: connect, send, answer and (capped) body. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Attempts per delivery before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** First retry delay; each next one is 3× longer (±20% jitter). 40 s → 8 attempts span about 12 h. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(40_000),
  /** Failed deliveries in a row (after their retries) that disable a subscription. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Allow loopback/private/link-local targets: local development and tests only. */
  WEBHOOK_ALLOW_PRIVATE: booleanFromEnv.default(false),
  /** How often retries, redeliveries, test and status events, and digests are picked up. */
  WEBHOOK_SWEEP_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Deliveries in flight at once per notifier process. */
  NOTIFIER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});
export type NotifierEnv = z.infer<typeof NotifierEnv>;

export const loadNotifierEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(NotifierEnv, env);

/** The notifier's settings as `startNotifier` takes them, from the parsed environment. */
export const notifierSettings = (env: NotifierEnv) => ({
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
  retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
  disableAfter: env.WEBHOOK_DISABLE_AFTER,
  allowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
  sweepEveryMs: env.WEBHOOK_SWEEP_MS,
  concurrency: env.NOTIFIER_CONCURRENCY,
  lockDurationMs: env.JOB_LOCK_MS,
});
