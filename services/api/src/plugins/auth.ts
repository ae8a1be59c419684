import { findApiKey, hashKey, sameHash } from '@goodchatter/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';
import { type AddressLimit, AddressLimiter } from './address-limit.js';
import { type ApiKeyIdentity, allows, ENV_ADMIN } from './identity.js';
import { KeyCache } from './key-cache.js';
import { csrfMatches, fromSameOrigin, needsCsrf } from './session.js';

export { type ApiKeyIdentity, allows } from './identity.js';

export interface AuthOptions {
  adminKey?: string;
  queuePrefix: string;
  /**
   * Requests without a valid key allowed per client IP per window (counted in Redis,
   * across processes); beyond it 429 before any key lookup. False: no limit.
   */
  unauthenticated?: AddressLimit | false;
}

/** Key checks for routes that take a key some other way than the Authorization header. */
export interface Keys {
  /** The identity of a key given in clear; counts as a guess against the per-address limit. */
  resolve(req: FastifyRequest, reply: FastifyReply, key: string): Promise<ApiKeyIdentity | undefined>;
  /** Counts a failed attempt from this address (429 when it is already past the limit). */
  noteFailure(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** noteFailure, then 401. */
  refuse(req: FastifyRequest, reply: FastifyReply, message: string): Promise<never>;
  /** The same per-address limit, for public reads that are not failures (shared kudos links). */
  publicReads: AddressLimiter;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Call `revoke(hash)` after revoking a key in the database. */
    keyCache: KeyCache;
    keys: Keys;
  }
  interface FastifyRequest {
    /** The key that authenticated the request (unset on public routes). */
    apiKey?: ApiKeyIdentity;
  }
  interface FastifyContextConfig {
    /** Cookie writes may prove same origin instead of sending x-csrf-token (pages we do not write). */
    csrfSameOrigin?: boolean;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_.~+/=-]{8,512})$/;

/**
 * Every route needs an API key with the route's scope (`config.scope`, default `read`)
 * unless it is `config.public`: `Authorization: Bearer <key>`, or else the care app's
 * session cookie (session.ts), which then acts with its key's scopes and must send
 * `x-csrf-token` on writes. Keys are found by their SHA-256 (lookups by a hash reveal
 * nothing about the secret through timing) in a per-process cache, else the database;
 * KeyCache explains how a revoked key still stops working at once in every API process.
 */
export const auth = fp(
  async (app: FastifyInstance, opts: AuthOptions) => {
    const adminHash = opts.adminKey ? hashKey(opts.adminKey) : undefined;
    const cache = new KeyCache(app.redis, `${opts.queuePrefix}:api-keys:revoked`);
    app.decorate('keyCache', cache);
    app.addHook('onClose', async () => cache.close());
    const limit = opts.unauthenticated ?? false;
    const failures = new AddressLimiter(
      app.redis,
      `${opts.queuePrefix}:auth-failures`,
      limit,
      'without a valid API key',
    );

    async function resolve(req: FastifyRequest, reply: FastifyReply, key: string) {
      const hash = hashKey(key);
      if (adminHash && sameHash(hash, adminHash)) return ENV_ADMIN;
      const cached = cache.get(hash);
      if (cached) return cached;
      // Only now does a request cost a database lookup: refuse addresses that keep guessing.
      await failures.check(req, reply);
      const generation = cache.generation;
      const found = await findApiKey(app.database.db, hash);
      if (!found) return undefined;
      const identity = { id: found.id, name: found.name, scopes: found.scopes };
      cache.set(hash, identity, generation);
      return identity;
    }
    async function noteFailure(req: FastifyRequest, reply: FastifyReply) {
      await failures.check(req, reply);
      await failures.count(req);
    }
    async function refuse(req: FastifyRequest, reply: FastifyReply, message: string): Promise<never> {
      await noteFailure(req, reply);
      throw new HttpError(401, message);
    }
    app.decorate('keys', {
      resolve,
      noteFailure,
      refuse,
      publicReads: new AddressLimiter(app.redis, `${opts.queuePrefix}:public-reads`, limit, 'to public links'),
    } satisfies Keys);

    /** The Bearer key when there is an Authorization header (it wins over a cookie), else the session's. */
    async function identify(req: FastifyRequest, reply: FastifyReply): Promise<ApiKeyIdentity | undefined> {
      const header = req.headers.authorization;
      if (header !== undefined) {
        const m = BEARER.exec(header);
        return m?.[1] ? resolve(req, reply, m[1]) : undefined;
      }
      const session = await app.sessions.fromRequest(req);
      if (!session) return undefined;
      const csrfOk = csrfMatches(req, session) || (req.routeOptions.config.csrfSameOrigin && fromSameOrigin(req));
      if (needsCsrf(req) && !csrfOk) throw new HttpError(403, 'csrf token missing or wrong');
      req.session = session;
      return session.key;
    }

    app.decorateRequest('apiKey', undefined);
    app.addHook('onRequest', async (req, reply) => {
      const config = req.routeOptions.config;
      // No route matched: the 404 handler answers, and says nothing a key would protect.
      if (config.public || req.routeOptions.url === undefined) return;
      const key = await identify(req, reply);
      if (!key) return refuse(req, reply, 'a valid API key is required: Authorization: Bearer <key>, or sign in');
      const needed = config.scope ?? 'read';
      if (!allows(key.scopes, needed)) throw new HttpError(403, `this API key lacks the ${needed} scope`);
      req.apiKey = key;
    });
  },
  { name: 'auth', dependencies: ['sessions'] },
);
