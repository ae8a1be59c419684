import { findApiKey, hashKey, type Scope, sameHash } from '@goodchatter/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';
import { KeyCache } from './key-cache.js';

export interface AuthOptions {
  adminKey?: string;
  queuePrefix: string;
  /**
   * Requests without a valid key allowed per client IP per window (counted in Redis,
   * across processes); beyond it 429 before any key lookup. False: no limit.
   */
  unauthenticated?: { max: number; windowMs: number } | false;
}

export interface ApiKeyIdentity {
  id: string;
  name: string;
  scopes: Scope[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Call `revoke(hash)` after revoking a key in the database. */
    keyCache: KeyCache;
  }
  interface FastifyRequest {
    /** The key that authenticated the request (unset on public routes). */
    apiKey?: ApiKeyIdentity;
  }
}

/** admin implies write implies read. */
const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };
export const allows = (scopes: Scope[], needed: Scope) => scopes.some((s) => RANK[s] >= RANK[needed]);

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]{8,512})$/;

/**
 * Every route needs `Authorization: Bearer <key>` with the route's scope
 * (`config.scope`, default `read`) unless it is `config.public`. Keys are found by their
 * SHA-256 (lookups by a hash reveal nothing about the secret through timing) in a
 * per-process cache, else the database; KeyCache explains how a revoked key still stops
 * working at once in every API process. Scopes: admin implies write implies read.
 */
export const auth = fp(
  async (app: FastifyInstance, opts: AuthOptions) => {
    const adminHash = opts.adminKey ? hashKey(opts.adminKey) : undefined;
    const cache = new KeyCache(app.redis, `${opts.queuePrefix}:api-keys:revoked`);
    app.decorate('keyCache', cache);
    app.addHook('onClose', async () => cache.close());

    const limit = opts.unauthenticated;
    const failKey = (req: FastifyRequest) => `${opts.queuePrefix}:auth-failures:${req.ip}`;
    /** Refuses a client IP that sent too many requests without a valid key (Redis down: no limit). */
    async function checkFailures(req: FastifyRequest, reply: FastifyReply) {
      if (!limit) return;
      const count = Number(await app.redis.get(failKey(req)).catch(() => null));
      if (count < limit.max) return;
      const ttl = await app.redis.pttl(failKey(req)).catch(() => limit.windowMs);
      reply.header('retry-after', Math.max(1, Math.ceil(ttl / 1000)));
      throw new HttpError(429, `too many requests without a valid API key from this address; retry in ${ttl} ms`);
    }
    async function countFailure(req: FastifyRequest) {
      if (!limit) return;
      await app.redis
        .multi()
        .incr(failKey(req))
        .pexpire(failKey(req), limit.windowMs, 'NX')
        .exec()
        .catch(() => {});
    }

    async function identify(req: FastifyRequest, reply: FastifyReply): Promise<ApiKeyIdentity | undefined> {
      const header = req.headers.authorization;
      const m = header ? BEARER.exec(header) : null;
      if (!m?.[1]) return undefined;
      const hash = hashKey(m[1]);
      if (adminHash && sameHash(hash, adminHash))
        return { id: 'env-admin', name: 'GOODCHATTER_ADMIN_KEY', scopes: ['admin'] };
      const cached = cache.get(hash);
      if (cached) return cached;
      // Only now does a request cost a database lookup: refuse addresses that keep guessing.
      await checkFailures(req, reply);
      const generation = cache.generation;
      const found = await findApiKey(app.database.db, hash);
      if (!found) return undefined;
      const key = { id: found.id, name: found.name, scopes: found.scopes };
      cache.set(hash, key, generation);
      return key;
    }

    app.decorateRequest('apiKey', undefined);
    app.addHook('onRequest', async (req, reply) => {
      const config = req.routeOptions.config;
      // No route matched: the 404 handler answers, and says nothing a key would protect.
      if (config.public || req.routeOptions.url === undefined) return;
      const key = await identify(req, reply);
      if (!key) {
        await checkFailures(req, reply);
        await countFailure(req);
        throw new HttpError(401, 'a valid API key is required: Authorization: Bearer <key>');
      }
      const needed = config.scope ?? 'read';
      if (!allows(key.scopes, needed)) throw new HttpError(403, `this API key lacks the ${needed} scope`);
      req.apiKey = key;
    });
  },
  { name: 'auth' },
);
