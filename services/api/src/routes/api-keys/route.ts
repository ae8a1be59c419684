import { createApiKey, listApiKeys, revokeApiKey, SCOPES } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';

const Scopes = z.array(z.enum(SCOPES)).min(1).max(3);
const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('first characters of the key, to tell keys apart'),
  scopes: Scopes,
  createdAt: z.string(),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** Key management; admin only. A new key's secret is in the 201 answer and nowhere else. */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { scope: 'admin' as const };

  app.post(
    '/v1/api-keys',
    {
      config,
      schema: {
        summary: 'Create an API key (the key is shown once)',
        tags: ['api keys'],
        body: z.object({ name: z.string().trim().min(1).max(200), scopes: Scopes }).strict(),
        response: { 201: KeyView.extend({ key: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const created = await createApiKey(app.database.db, req.body);
      return reply.status(201).send({ ...created, createdAt: created.createdAt.toISOString() });
    },
  );

  app.get(
    '/v1/api-keys',
    {
      config,
      schema: {
        summary: 'Live API keys',
        tags: ['api keys'],
        response: { 200: z.object({ data: z.array(KeyView) }), ...errors },
      },
    },
    async () => ({
      data: (await listApiKeys(app.database.db)).map((k) => ({ ...k, createdAt: k.createdAt.toISOString() })),
    }),
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config,
      schema: {
        summary: 'Revoke an API key (effective at once)',
        tags: ['api keys'],
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 204: z.null(), 404: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      const revoked = await revokeApiKey(app.database.db, req.params.id);
      if (!revoked) throw new HttpError(404, `api key ${req.params.id} not found`);
      await app.keyCache.revoke(revoked.hash);
      return reply.status(204).send(null);
    },
  );
};
