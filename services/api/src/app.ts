import { randomUUID } from 'node:crypto';
import type { Database } from '@goodchatter/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { errorHandler } from './plugins/error-handler.js';
import { healthRoutes } from './routes/health.js';
import { mentionRoutes } from './routes/mentions.js';
import { queryRoutes } from './routes/queries.js';
import { webhookRoutes } from './routes/webhooks.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    redis: Redis;
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
}

/** The API as tests and production both build it; the caller owns and closes the deps. */
export async function buildApp(deps: ApiDeps): Promise<FastifyInstance> {
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
  await app.register(errorHandler);
  await app.register(healthRoutes);
  await app.register(mentionRoutes);
  await app.register(queryRoutes);
  await app.register(webhookRoutes);
  return app;
}
