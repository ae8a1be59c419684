import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per key per window. */
  max: number;
  timeWindowMs: number;
}

/**
 * Security headers on every answer, and a rate limit per API key counted in Redis (so it
 * holds across API processes). Requests without a key never reach a handler (401), so
 * they are not counted; if Redis is down the limit is skipped rather than failing reads.
 */
export const security = fp(
  async (app: FastifyInstance, opts: { rateLimit: RateLimitOptions | false; queuePrefix: string }) => {
    await app.register(helmet, {
      // Swagger UI at /docs loads its own script and style files only; inline styles are
      // what its bundle needs beyond helmet's defaults.
      contentSecurityPolicy: {
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    });
    if (!opts.rateLimit) return;
    await app.register(rateLimit, {
      global: true,
      max: opts.rateLimit.max,
      timeWindow: opts.rateLimit.timeWindowMs,
      redis: app.redis,
      nameSpace: `${opts.queuePrefix}:ratelimit:`,
      skipOnError: true,
      keyGenerator: (req) => req.apiKey?.id ?? req.ip,
      allowList: (req) => req.apiKey === undefined,
      errorResponseBuilder: (_req, ctx) =>
        new HttpError(429, `rate limit of ${ctx.max} requests per ${ctx.after} exceeded; retry in ${ctx.ttl} ms`),
    });
  },
  { name: 'security', dependencies: ['auth'] },
);
