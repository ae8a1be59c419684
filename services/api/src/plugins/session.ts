import { timingSafeEqual } from 'node:crypto';
import {
  createSession,
  deleteSession,
  findSession,
  hashKey,
  type Scope,
  type SessionOwner,
  sameHash,
  storedKeyOwner,
} from '@goodchatter/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type ApiKeyIdentity, ENV_ADMIN } from './identity.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie.js';

export interface SessionOptions {
  adminKey?: string;
  /** Lifetime of a session from sign-in (SESSION_TTL_HOURS). */
  ttlHours: number;
}

/** A signed-in browser: the key it acts as and the CSRF token its writes must carry. */
export interface ActiveSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  key: ApiKeyIdentity;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
  interface FastifyRequest {
    /** Set when the request was authenticated by the session cookie. */
    session?: ActiveSession;
  }
}

/** Methods that change nothing: a cookie may authenticate them without a CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const needsCsrf = (req: FastifyRequest) => !SAFE_METHODS.has(req.method);

/** Whether `x-csrf-token` equals the session's token (constant time). */
export function csrfMatches(req: FastifyRequest, session: ActiveSession): boolean {
  const given = req.headers['x-csrf-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the browser says the request comes from a page of this origin. Only for pages we
 * do not write (bull-board), which cannot send our CSRF header: browsers set
 * Sec-Fetch-Site and Origin themselves, and no other site's page can forge them.
 */
export function fromSameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin === `${req.protocol}://${req.host}`;
}

/** Sessions live in Postgres (verbs/sessions.ts); this binds them to cookies and keys. */
export class Sessions {
  private readonly adminHash: string | undefined;
  readonly ttlMs: number;

  constructor(
    private readonly app: FastifyInstance,
    opts: SessionOptions,
  ) {
    this.adminHash = opts.adminKey ? hashKey(opts.adminKey) : undefined;
    this.ttlMs = opts.ttlHours * 3_600_000;
  }

  hasCookie(req: FastifyRequest): boolean {
    return readCookie(req, SESSION_COOKIE) !== undefined;
  }

  /** The live session of the request's cookie whose key is still valid, else undefined. */
  async fromRequest(req: FastifyRequest): Promise<ActiveSession | undefined> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return undefined;
    const found = await findSession(this.app.database.db, token);
    if (!found) return undefined;
    const key = this.identityOf(found);
    return key && { token, csrfToken: found.csrfToken, expiresAt: found.expiresAt, key };
  }

  /** The key a session or link owner acts as, if it may still act at all. */
  identityOf(owner: SessionOwner & { key?: { id: string; name: string; scopes: string[]; revoked: boolean } | null }) {
    if (owner.apiKeyId === null) {
      // The env admin key: valid while the configured key is still the one signed in with.
      return this.adminHash && sameHash(owner.keyHash, this.adminHash) ? ENV_ADMIN : undefined;
    }
    if (!owner.key || owner.key.revoked) return undefined;
    return { id: owner.key.id, name: owner.key.name, scopes: owner.key.scopes as Scope[] };
  }

  /** Who a session or link for `key` belongs to (undefined when the key is gone). */
  async ownerFor(key: ApiKeyIdentity): Promise<SessionOwner | undefined> {
    if (key.id === ENV_ADMIN.id) return this.adminHash ? { apiKeyId: null, keyHash: this.adminHash } : undefined;
    return storedKeyOwner(this.app.database.db, key.id);
  }

  /** Starts a session for `key` and sets its cookie on the reply. */
  async start(req: FastifyRequest, reply: FastifyReply, owner: SessionOwner, key: ApiKeyIdentity) {
    const created = await createSession(this.app.database.db, owner, this.ttlMs);
    reply.header('set-cookie', sessionCookie(req, created.token, Math.floor(this.ttlMs / 1000)));
    return { ...created, key } satisfies ActiveSession;
  }

  /** Deletes the session of the request's cookie (if any) and clears the cookie. */
  async end(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await deleteSession(this.app.database.db, token);
    reply.header('set-cookie', clearedSessionCookie(req));
  }
}

export const sessions = fp(
  async (app: FastifyInstance, opts: SessionOptions) => {
    app.decorate('sessions', new Sessions(app, opts));
    app.decorateRequest('session', undefined);
  },
  { name: 'sessions' },
);
