import { BaseEnv, booleanFromEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';
import type { ApiDeps } from './app.js';

export const ApiEnv = BaseEnv.extend({
  /**
   * Webhook secrets at rest (AES-256-GCM; 32 bytes as base64 or 64 hex digits) and the keys
   * they may still be sealed under (comma-separated). @goodchatter/db's secret box reads them
   * from the environment and checks them; listed here so compose and the settings check pass them.
   */
  GOODCHATTER_SECRET_KEY: z.string().optional(),
  GOODCHATTER_SECRET_KEY_PREVIOUS: z.string().optional(),
  /**
   * A read replica for lists, reports and exports (feed, mentions, kudos, stats, trends,
   * CSV). Unset: everything reads the primary. Single-mention reads and every write stay on
   * DATABASE_URL, so a client sees its own change at once despite replica lag.
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
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
  /**
   * The ingest service's Mastodon token. The API only checks it is set, to refuse Mastodon
   * search queries (which need it) with a 400 when it is not (routes/queries/source-abilities.ts).
   */
  MASTODON_ACCESS_TOKEN: z.string().min(1).optional(),
  /** The built care app (a directory with index.html); unset: `/` says how to build it. */
  WEB_ROOT: z.string().min(1).optional(),
  /** How long a care-app sign-in (session cookie) lasts. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  /** How long a one-time sign-in link works. */
  SIGN_IN_LINK_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /**
   * Proxies whose X-Forwarded-For/-Proto to believe: `true` (any), `false` (none), a hop
   * count, or comma-separated addresses/CIDRs. Behind a TLS proxy, this is what makes
   * session cookies `Secure`.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .min(1)
    .transform((v): boolean | number | string =>
      /^(true|yes)$/i.test(v) ? true : /^(false|no)$/i.test(v) ? false : /^\d+$/.test(v) ? Number(v) : v,
    )
    .default(false),
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
  | 'webRoot'
  | 'sessionTtlHours'
  | 'signInLinkTtlMinutes'
  | 'trustProxy'
> => ({
  queuePrefix: env.QUEUE_PREFIX,
  adminKey: env.GOODCHATTER_ADMIN_KEY,
  rateLimit: { max: env.RATE_LIMIT_MAX, timeWindowMs: env.RATE_LIMIT_WINDOW_MS },
  metricsToken: env.METRICS_TOKEN,
  requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
  webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE,
  unauthenticatedRateLimit: env.UNAUTHENTICATED_RATE_LIMIT_MAX,
  webRoot: env.WEB_ROOT,
  sessionTtlHours: env.SESSION_TTL_HOURS,
  signInLinkTtlMinutes: env.SIGN_IN_LINK_TTL_MINUTES,
  trustProxy: env.TRUST_PROXY,
});
