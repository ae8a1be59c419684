import { Mention } from '@goodchatter/core';
import { getMention, listMentionsJson } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { ErrorBody, HttpError } from '../../errors.js';
import {
  MentionDetail,
  MentionFilterQuery,
  MentionId,
  renderedJson,
  toFilter,
  toMentionDetail,
} from '../../schemas.js';

const ListQuery = MentionFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
}).strict();

const Page = z.object({ data: z.array(Mention), nextCursor: z.string().nullable() });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

export const mentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/mentions',
    {
      schema: {
        summary: 'Stored mentions, filtered and sorted, by keyset pages',
        tags: ['mentions'],
        querystring: ListQuery,
        response: { 200: Page, ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const filter = toFilter(q);
      const after = q.cursor ? decodeCursor(q.sort, q.cursor) : undefined;
      const body = await app.reads.read(`mentions?${JSON.stringify(q)}`, async () => {
        const { items, next } = await listMentionsJson(app.readDatabase.db, filter, {
          limit: q.limit,
          sort: q.sort,
          after,
        });
        // Postgres rendered each item (see MENTION_JSON_SQL): assemble, do not re-serialise.
        const cursor = next ? JSON.stringify(encodeCursor(q.sort, next)) : 'null';
        return `{"data":[${items.join(',')}],"nextCursor":${cursor}}`;
      });
      return reply.type('application/json; charset=utf-8').send(renderedJson(body));
    },
  );

  app.get(
    '/v1/mentions/:id',
    {
      schema: {
        summary: 'One mention with its workflow fields',
        tags: ['mentions'],
        params: MentionId,
        response: { 200: MentionDetail, 404: ErrorBody, ...errors },
      },
    },
    async (req) => {
      const row = await getMention(app.database.db, Number(req.params.id));
      if (!row) throw new HttpError(404, `mention ${req.params.id} not found`);
      return toMentionDetail(row);
    },
  );
};
