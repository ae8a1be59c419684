import { BaseEnv, booleanFromEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';
import type { ApiDeps } from './app.js';

export const ApiEnv = BaseEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Interface to listen on. Loopback by default; the container image sets 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** An admin API key accepted without being stored: how the first real keys get made. */
  GOODCHATTER_ADMIN_KEY: z.string().min(24, 'at least 24 characters').optional(),
  /** Requests per key per window; 429 with Retry-After beyond it. */
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** Requests without a valid API key per client IP per window; 429 beyond it. */
  UNAUTHENTICATED_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(100),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Accept webhook URLs that are or resolve to loopback/private addresses (development, tests). */
  WEBHOOK_ALLOW_PRIVATE: booleanFromEnv.default(false),
  /** Longest a client may take to send a whole request (headers get at most 10 s of it). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

export const loadApiEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(ApiEnv, env);

/** The ApiDeps that come from settings (the entry point and the one-process stack share this). */
export const apiOptionsFromEnv = (
  env: ApiEnv,
): Pick<
  ApiDeps,
  | 'queuePrefix'
  | 'adminKey'
  | 'rateLimit'
  | 'metricsToken'
  | 'requestTimeoutMs'
  | 'webhookAllowPrivate'
  | 'unauthenticatedRateLimit'
> => ({
  queuePrefix: env.QUEUE_PREFIX,
  adminKey: env.GOODCHATTER_ADMIN_KEY,
  rateLimit: { max: env.RATE_LIMIT_MAX, timeWindowMs: env.RATE_LIMIT_WINDOW_MS },
  metricsToken: env.METRICS_TOKEN,
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
  unauthenticatedRateLimit: env.UNAUTHENTICATED_RATE_LIMIT_MAX,
});
