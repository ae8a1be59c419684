import { createSignInLink, findApiKey, hashKey, redeemSignInLink, SCOPES, storedKeyOwner } from '@goodchatter/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { ENV_ADMIN } from '../../plugins/identity.js';
import { type ActiveSession, csrfMatches } from '../../plugins/session.js';
import { signInPath } from '../../sign-in-link.js';

const SessionView = z.object({
  csrfToken: z.string().describe('send it as x-csrf-token with every cookie-authenticated write'),
  expiresAt: z.string(),
  key: z.object({ id: z.string(), name: z.string(), scopes: z.array(z.enum(SCOPES)) }),
});
const view = (s: ActiveSession): z.infer<typeof SessionView> => ({
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt.toISOString(),
  key: { id: s.key.id, name: s.key.name, scopes: s.key.scopes },
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };
/** These answers carry a session's CSRF token or spend a one-time token: never cache them. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** A sign-in a page of another site submitted (login CSRF): browsers say so in Sec-Fetch-Site. */
const crossSite = (req: FastifyRequest) => req.headers['sec-fetch-site'] === 'cross-site';

export interface SessionRouteOptions {
  /** Lifetime of a one-time sign-in link (SIGN_IN_LINK_TTL_MINUTES). */
  signInLinkTtlMinutes: number;
}

/**
 * The care app's sign-in: an API key exchanged for a session cookie, one-time sign-in links,
 * sign-out. How cookies then authenticate every route: plugins/auth.ts.
 */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, opts) => {
  // The sign-in form may post without JavaScript. Only this plugin's routes take form bodies.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const tags = ['session'];

  app.post(
    '/v1/session',
    {
      config: { public: true },
      schema: {
        summary: 'Sign in: exchange an API key for a session cookie (gc_session)',
        tags,
        security: [],
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        body: z.object({ key: z.string().min(1).max(512) }),
        response: { 200: SessionView, ...errors },
      },
    },
    async (req, reply) => {
      if (crossSite(req)) throw new HttpError(403, 'sign-in from another site is refused');
      const key = await app.keys.resolve(req, reply, req.body.key);
      if (!key) return app.keys.refuse(req, reply, 'unknown or revoked API key');
      const owner = { apiKeyId: key.id === ENV_ADMIN.id ? null : key.id, keyHash: hashKey(req.body.key) };
      const session = await app.sessions.start(req, reply, owner, key);
      return noStore(reply).send(view(session));
    },
  );

  app.get(
    '/v1/session',
    {
      config: { public: true },
      schema: {
        summary: "The browser's session: its key and CSRF token (401 when signed out or expired)",
        tags,
        security: [{ sessionCookie: [] }],
        response: { 200: SessionView, ...errors },
      },
    },
    async (req, reply) => {
      const session = await app.sessions.fromRequest(req);
      if (!session) throw new HttpError(401, 'not signed in (no session, or it expired or its key was revoked)');
      return noStore(reply).send(view(session));
    },
  );

  app.delete(
    '/v1/session',
    {
      config: { public: true },
      schema: {
        summary: 'Sign out: ends the session and clears its cookie (needs x-csrf-token)',
        tags,
        security: [{ sessionCookie: [] }],
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      // A live session is only ended by its own page; a dead one just loses its cookie.
      const session = await app.sessions.fromRequest(req);
      if (session && !csrfMatches(req, session)) throw new HttpError(403, 'csrf token missing or wrong');
      await app.sessions.end(req, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/session/links',
    {
      config: { scope: 'admin' },
      schema: {
        summary: 'A one-time sign-in link (expires in minutes), for your key or another live key',
        tags,
        body: z
          .object({ keyId: z.string().min(1).max(64).optional().describe('sign in as this stored key; default yours') })
          .strict()
          .nullish(),
        response: {
          201: z.object({ token: z.string(), url: z.string().describe('/sign-in?token=…'), expiresAt: z.string() }),
          404: ErrorBody,
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const keyId = req.body?.keyId;
      const owner = keyId
        ? await storedKeyOwner(app.database.db, keyId)
        : await app.sessions.ownerFor(req.apiKey ?? ENV_ADMIN);
      if (!owner) throw new HttpError(404, `api key ${keyId ?? req.apiKey?.id} not found`);
      const link = await createSignInLink(app.database.db, owner, opts.signInLinkTtlMinutes * 60_000);
      return noStore(reply)
        .status(201)
        .send({ token: link.token, url: signInPath(link.token), expiresAt: link.expiresAt.toISOString() });
    },
  );

  app.get(
    '/sign-in',
    {
      config: { public: true },
      // A HEAD (link checkers) must not spend the token.
      exposeHeadRoute: false,
      schema: {
        summary: 'Follow a one-time sign-in link: sets the session cookie and redirects to the app',
        description: 'Valid, unused and unexpired: 303 to `/`. Otherwise: 303 to `/?signin=expired`.',
        tags,
        security: [],
        querystring: z.object({ token: z.string().max(200).optional() }),
        response: { 303: z.null().describe('to / or /?signin=expired'), 429: ErrorBody },
      },
    },
    async (req, reply) => {
      noStore(reply);
      const token = req.query.token;
      const owner = token ? await redeemSignInLink(app.database.db, token) : undefined;
      const key =
        owner &&
        (owner.apiKeyId === null
          ? app.sessions.identityOf({ ...owner, key: null })
          : await findApiKey(app.database.db, owner.keyHash));
      if (!owner || !key) {
        // Spent, expired or made up: counts like a wrong key, then the app explains.
        await app.keys.noteFailure(req, reply);
        return reply.redirect('/?signin=expired', 303);
      }
      await app.sessions.start(req, reply, owner, { id: key.id, name: key.name, scopes: key.scopes });
      return reply.redirect('/', 303);
    },
  );
};
