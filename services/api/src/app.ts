import { randomUUID } from 'node:crypto';
import type { Scope } from '@goodchatter/core';
import type { Database } from '@goodchatter/db';
import type { RedisConnection } from '@goodchatter/queues';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { type AuthOptions, auth } from './plugins/auth.js';
import { bullBoard } from './plugins/bull-board.js';
import { errorHandler } from './plugins/error-handler.js';
import { inputGuard } from './plugins/input-guard.js';
import { metrics } from './plugins/metrics.js';
import { openapi } from './plugins/openapi.js';
import { queues } from './plugins/queues.js';
import { ReadCoalescer } from './plugins/read-coalescer.js';
import { OneLinePerRequest } from './plugins/request-log.js';
import { type RateLimitOptions, security } from './plugins/security.js';
import { sessions } from './plugins/session.js';
import { webApp } from './plugins/web-app.js';
import { apiKeyRoutes } from './routes/api-keys/route.js';
import { feedRoutes } from './routes/feed/route.js';
import { healthRoutes } from './routes/health/route.js';
import { ingestRoutes } from './routes/ingest/route.js';
import { kudosShareRoutes } from './routes/kudos-shares/route.js';
import { exportRoutes } from './routes/mentions/export.js';
import { mentionRoutes } from './routes/mentions/route.js';
import { workflowRoutes } from './routes/mentions/workflow.js';
import { queryRoutes } from './routes/queries/route.js';
import { rejectedRoutes } from './routes/rejected/route.js';
import { reportRoutes } from './routes/reports/route.js';
import { sessionRoutes } from './routes/session/route.js';
import { staffAliasRoutes } from './routes/staff-aliases/route.js';
import { streamRoutes } from './routes/stream/route.js';
import { trendRoutes } from './routes/trends/route.js';
import { webhookRoutes } from './routes/webhooks/route.js';
import { clientErrorHandler, frameworkErrors } from './server-errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Where lists, reports and exports read: the replica (DATABASE_READ_URL), else `database`. */
    readDatabase: Database;
    redis: RedisConnection;
    /** Shares identical in-flight list reads; writes to mentions call `invalidate()`. */
    reads: ReadCoalescer;
    /** The live stream's open subscriptions (resource checks in tests). */
    streams: { subscribers: () => number };
  }
  /**
   * Per-route access, enforced by the auth plugin: every route needs an API key with
   * `scope` (default `read`) unless it is marked `public`.
   */
  interface FastifyContextConfig {
    scope?: Scope;
    public?: boolean;
  }
}

export interface ApiDeps {
  database: Database;
  /** A read replica's pool for lists, reports and exports; default `database`. */
  readDatabase?: Database;
  /** A producer-style connection (fails fast while Redis is down); a Cluster in cluster mode. */
  redis: RedisConnection;
  logger?: Logger | false;
  /** Redis key prefix of the queues and the live-event stream (default `goodchatter`). */
  queuePrefix?: string;
  /** `GOODCHATTER_ADMIN_KEY`: an admin key that is not stored. */
  adminKey?: string;
  /** Per API key; false turns it off (benchmarks). Default 1,200 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** Keep list answers this long besides sharing in-flight ones (default 0: share only; false: neither). */
  readCacheMs?: number | false;
  /** `WEBHOOK_ALLOW_PRIVATE`: accept webhook URLs on loopback/private addresses (development, tests). */
  webhookAllowPrivate?: boolean;
  /** Requests without a valid key per client IP per rate-limit window (default 100). */
  unauthenticatedRateLimit?: number;
  /** `METRICS_TOKEN`: when set, /metrics needs it as a bearer token. */
  metricsToken?: string;
  /** How often /metrics' shared-state gauges are re-read (default 15 s). */
  metricsRefreshMs?: number;
  /** Interval of SSE heartbeat comments (default 15 s). */
  sseHeartbeatMs?: number;
  /**
   * Longest a client may take to send a whole request, headers and body (default 60 s);
   * headers alone get at most 10 s. A slow or short body cannot hold a connection open.
   */
  requestTimeoutMs?: number;
  /**
   * `TRUST_PROXY`: believe X-Forwarded-For/-Proto from these proxies (Fastify's
   * `trustProxy`: true, a hop count, or addresses/CIDRs). It decides the client address
   * (per-address limits) and whether a request came over https (the cookie's `Secure`).
   */
  trustProxy?: boolean | number | string;
  /** `WEB_ROOT`: the built care app, served at `/`; unset, `/` says how to build it. */
  webRoot?: string;
  /** `SESSION_TTL_HOURS`: how long a care-app sign-in lasts (default 12). */
  sessionTtlHours?: number;
  /** `SIGN_IN_LINK_TTL_MINUTES`: how long a one-time sign-in link works (default 10). */
  signInLinkTtlMinutes?: number;
}

/** Fastify trusts a hop count too, but its types only take a function for that. */
function trustProxyOption(
  value: ApiDeps['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value ?? false;
  return (_address, hop) => hop < value;
}

/** The API as tests and production both build it; the caller owns and closes the deps. */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const prefix = deps.queuePrefix ?? 'goodchatter';
  const requestTimeoutMs = deps.requestTimeoutMs ?? 60_000;
  const app: FastifyInstance = Fastify({
    // Fastify's logger type is narrower than pino's; the instance is a pino logger either way.
    loggerInstance: (deps.logger || undefined) as FastifyBaseLogger | undefined,
    logger: deps.logger === false ? false : undefined,
    logController: new OneLinePerRequest(),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    requestTimeout: requestTimeoutMs,
    trustProxy: trustProxyOption(deps.trustProxy),
    // How often Node enforces the two timeouts (its default, 30 s, would let them slip).
    http: { connectionsCheckingInterval: Math.min(5_000, Math.max(250, requestTimeoutMs / 4)) },
    clientErrorHandler,
    frameworkErrors,
  });
  // Node checks both on a timer (`connectionsCheckingInterval`); headers first, and never
  // longer than the whole request may take.
  app.server.headersTimeout = Math.min(10_000, requestTimeoutMs);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', deps.database);
  app.decorate('readDatabase', deps.readDatabase ?? deps.database);
  app.decorate<RedisConnection>('redis', deps.redis);
  app.decorate('reads', new ReadCoalescer(deps.readCacheMs ?? 0));
  app.decorate('streams', { subscribers: () => 0 });
  // Order matters: infrastructure first (errors, docs collect routes as they are added,
  // auth and limits hook every later route), then the routes.
  await app.register(errorHandler);
  await app.register(inputGuard);
  await app.register(openapi);
  const limits = deps.rateLimit ?? { max: 1200, timeWindowMs: 60_000 };
  await app.register(sessions, { adminKey: deps.adminKey, ttlHours: deps.sessionTtlHours ?? 12 });
  await app.register(auth, {
    adminKey: deps.adminKey,
    queuePrefix: prefix,
    unauthenticated: limits && { max: deps.unauthenticatedRateLimit ?? 100, windowMs: limits.timeWindowMs },
  } satisfies AuthOptions);
  await app.register(security, {
    rateLimit: limits,
    queuePrefix: prefix,
  });
  await app.register(queues, { queuePrefix: prefix });
  await app.register(metrics, { token: deps.metricsToken, refreshMs: deps.metricsRefreshMs });
  await app.register(bullBoard);
  await app.register(healthRoutes);
  await app.register(apiKeyRoutes);
  await app.register(feedRoutes);
  await app.register(mentionRoutes);
  await app.register(workflowRoutes);
  await app.register(exportRoutes);
  await app.register(ingestRoutes);
  await app.register(reportRoutes);
  await app.register(rejectedRoutes);
  await app.register(streamRoutes, { queuePrefix: prefix, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
  await app.register(queryRoutes);
  await app.register(webhookRoutes, { allowPrivate: deps.webhookAllowPrivate ?? false });
  await app.register(sessionRoutes, { signInLinkTtlMinutes: deps.signInLinkTtlMinutes ?? 10 });
  await app.register(staffAliasRoutes);
  await app.register(kudosShareRoutes);
  await app.register(trendRoutes);
  await app.register(webApp, { webRoot: deps.webRoot });
  return app;
}
