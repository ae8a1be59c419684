import { INT4_MAX } from '@goodchatter/core';
import { createKudosShare, findKudosShare, type KudosShare, listKudosShares, revokeKudosShare } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { KudosAnswer, kudosAnswer } from './kudos-view.js';

const DAY_MS = 86_400_000;
/** Mentions listed per person on a shared wall (as GET /v1/kudos by default). */
const PER_STAFF = 50;

const ShareView = z.object({
  id: z.number().int(),
  brand: z.string().nullable().describe('null: every brand'),
  days: z.number().int().describe('the wall shows the last `days` days, up to the moment it is read'),
  createdBy: z.string().describe('id of the API key that made the link'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});
const toView = (s: KudosShare): z.infer<typeof ShareView> => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  expiresAt: s.expiresAt?.toISOString() ?? null,
});
const wallPath = (token: string) => `/wall/${token}`;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };
const tags = ['reports'];

/**
 * Read-only kudos links for a team screen or a printout: made and revoked with a key,
 * read by anyone holding the token (GET /v1/shared/kudos/:token, which the app's
 * /wall/<token> page calls). A link shows what /v1/kudos shows for its brand and its
 * rolling period, and nothing else.
 */
export const kudosShareRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/kudos/shares',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Make a read-only kudos link (the token is shown once)',
        tags,
        body: z
          .object({
            brand: z.string().trim().min(1).max(200).optional().describe('exact brand; default every brand'),
            days: z.number().int().min(1).max(366).default(30),
            expiresInDays: z.number().int().min(1).max(366).optional().describe('default: until revoked'),
          })
          .strict()
          .nullish()
          .describe('optional: no body makes a link to every brand for 30 days'),
        response: {
          201: z.object({ id: z.number().int(), token: z.string(), url: z.string(), expiresAt: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { brand, days = 30, expiresInDays } = req.body ?? {};
      const share = await createKudosShare(app.database.db, {
        brand: brand ?? null,
        days,
        createdBy: req.apiKey?.id ?? 'unknown',
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * DAY_MS) : null,
      });
      return reply.status(201).send({
        id: share.id,
        token: share.token,
        url: wallPath(share.token),
        expiresAt: share.expiresAt?.toISOString() ?? null,
      });
    },
  );

  app.get(
    '/v1/kudos/shares',
    {
      schema: {
        summary: 'Kudos links not revoked (their tokens are not shown again)',
        tags,
        response: { 200: z.object({ data: z.array(ShareView) }), ...errors },
      },
    },
    async () => ({ data: (await listKudosShares(app.database.db)).map(toView) }),
  );

  app.delete(
    '/v1/kudos/shares/:id',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Revoke a kudos link (at once)',
        tags,
        params: z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) }),
        response: { 204: z.null(), 404: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      if (!(await revokeKudosShare(app.database.db, req.params.id)))
        throw new HttpError(404, `kudos link ${req.params.id} not found`);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/shared/kudos/:token',
    {
      config: { public: true },
      schema: {
        summary: "A shared kudos wall: the link's brand over its last `days` days (public, read-only)",
        tags,
        security: [],
        params: z.object({ token: z.string().min(1).max(100) }),
        response: { 200: KudosAnswer, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      // Anyone may call this: limited per address like requests without a key.
      await app.keys.publicReads.check(req, reply);
      await app.keys.publicReads.count(req);
      const share = await findKudosShare(app.database.db, req.params.token);
      if (!share) throw new HttpError(404, 'no such kudos link (it may have been revoked or expired)');
      const until = new Date();
      const range = { since: new Date(until.getTime() - share.days * DAY_MS), until, brand: share.brand ?? undefined };
      return kudosAnswer(app.readDatabase.db, range, PER_STAFF);
    },
  );
};
