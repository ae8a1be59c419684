import { REJECT_STAGES, type RejectStage } from '@goodchatter/core';
import { listRejections } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../errors.js';

const RejectedView = z.object({
  id: z.number(),
  stage: z.enum(REJECT_STAGES).describe('score: the scorer set it aside; replay: a replay file line'),
  source: z.string().nullable(),
  externalId: z.string().nullable(),
  queryId: z.number().nullable(),
  line: z.number().nullable().describe('the replay file line number'),
  reason: z.string(),
  payload: z.string().describe('the item as received, as JSON text'),
  createdAt: z.string(),
});

/**
 * Dead letters: mentions that could not be stored and were set aside instead of failing
 * their batch (invalid items, values Postgres refused, unreadable replay lines).
 */
export const rejectedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/rejected',
    {
      config: { scope: 'read' },
      schema: {
        summary: 'Mentions set aside as unstorable, newest first',
        tags: ['mentions'],
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(100).default(50),
            cursor: z.coerce.number().int().positive().optional().describe("the previous page's nextCursor"),
          })
          .strict(),
        response: {
          200: z.object({ data: z.array(RejectedView), nextCursor: z.number().nullable() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req) => {
      const page = await listRejections(app.readDatabase.db, { limit: req.query.limit, before: req.query.cursor });
      return {
        data: page.data.map((r) => ({
          ...r,
          stage: r.stage as RejectStage,
          createdAt: r.createdAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
