import { Label, Mention } from '@goodchatter/core';
import { getMention, listMentions, toMention } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { ErrorBody, HttpError } from '../errors.js';

const ListQuery = z
  .object({
    label: Label.optional(),
    source: z.string().min(1).max(64).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const Page = z.object({ data: z.array(Mention), nextCursor: z.string().nullable() });

export const mentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/mentions',
    { schema: { querystring: ListQuery, response: { 200: Page, 400: ErrorBody } } },
    async (req) => {
      const q = req.query;
      const since = q.since ? new Date(q.since) : undefined;
      const until = q.until ? new Date(q.until) : undefined;
      if (since && until && since >= until) throw new HttpError(400, 'querystring.since: must be before until');
      const { rows, next } = await listMentions(
        app.database.db,
        { label: q.label, source: q.source, since, until },
        { limit: q.limit, after: q.cursor ? decodeCursor(q.cursor) : undefined },
      );
      return { data: rows.map(toMention), nextCursor: next ? encodeCursor(next) : null };
    },
  );

  app.get(
    '/v1/mentions/:id',
    {
      schema: {
        params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a mention id') }),
        response: { 200: Mention, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const row = await getMention(app.database.db, Number(req.params.id));
      if (!row) throw new HttpError(404, `mention ${req.params.id} not found`);
      return toMention(row);
    },
  );
};
