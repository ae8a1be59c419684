import { randomUUID } from 'node:crypto';
import type { Database } from '@goodchatter/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type AuthOptions, auth } from './plugins/auth.js';
import { bullBoard } from './plugins/bull-board.js';
import { errorHandler } from './plugins/error-handler.js';
import { metrics } from './plugins/metrics.js';
import { openapi } from './plugins/openapi.js';
import { queues } from './plugins/queues.js';
import { ReadCoalescer } from './plugins/read-coalescer.js';
import { type RateLimitOptions, security } from './plugins/security.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { feedRoutes } from './routes/feed.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { exportRoutes } from './routes/mentions/export.js';
import { workflowRoutes } from './routes/mentions/workflow.js';
import { mentionRoutes } from './routes/mentions.js';
import { queryRoutes } from './routes/queries.js';
import { reportRoutes } from './routes/reports.js';
import { streamRoutes } from './routes/stream/route.js';
import { webhookRoutes } from './routes/webhooks.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    redis: Redis;
    /** Shares identical in-flight list reads; writes to mentions call `invalidate()`. */
    reads: ReadCoalescer;
  }
  /**
   * Per-route access, enforced by the auth plugin: every route needs an API key with
   * `scope` (default `read`) unless it is marked `public`.
   */
  interface FastifyContextConfig {
    scope?: 'read' | 'write' | 'admin';
    public?: boolean;
  }
}

export interface ApiDeps {
  database: Database;
  /** A producer-style connection (fails fast while Redis is down). */
  redis: Redis;
  logger?: Logger | false;
  /** Redis key prefix of the queues and the live-event stream (default `goodchatter`). */
  queuePrefix?: string;
  /** `GOODCHATTER_ADMIN_KEY`: an admin key that is not stored. */
  adminKey?: string;
  /** Per API key; false turns it off (benchmarks). Default 1,200 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** Keep list answers this long besides sharing in-flight ones (default 0: share only; false: neither). */
  readCacheMs?: number | false;
  /** Interval of SSE heartbeat comments (default 15 s). */
  sseHeartbeatMs?: number;
}

/** The API as tests and production both build it; the caller owns and closes the deps. */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
  const prefix = deps.queuePrefix ?? 'goodchatter';
  const app: FastifyInstance = Fastify({
    // Fastify's logger type is narrower than pino's; the instance is a pino logger either way.
    loggerInstance: (deps.logger || undefined) as FastifyBaseLogger | undefined,
    logger: deps.logger === false ? false : undefined,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', deps.database);
  app.decorate('redis', deps.redis);
  app.decorate('reads', new ReadCoalescer(deps.readCacheMs ?? 0));
  // Order matters: infrastructure first (errors, docs collect routes as they are added,
  // auth and limits hook every later route), then the routes.
  await app.register(errorHandler);
  await app.register(openapi);
  await app.register(auth, { adminKey: deps.adminKey, queuePrefix: prefix } satisfies AuthOptions);
  await app.register(security, {
    rateLimit: deps.rateLimit ?? { max: 1200, timeWindowMs: 60_000 },
    queuePrefix: prefix,
  });
  await app.register(queues, { queuePrefix: prefix });
  await app.register(metrics);
  await app.register(bullBoard);
  await app.register(healthRoutes);
  await app.register(apiKeyRoutes);
  await app.register(feedRoutes);
  await app.register(mentionRoutes);
  await app.register(workflowRoutes);
  await app.register(exportRoutes);
  await app.register(ingestRoutes);
  await app.register(reportRoutes);
  await app.register(streamRoutes, { queuePrefix: prefix, heartbeatMs: deps.sseHeartbeatMs ?? 15_000 });
  await app.register(queryRoutes);
  await app.register(webhookRoutes);
  return app;
}
