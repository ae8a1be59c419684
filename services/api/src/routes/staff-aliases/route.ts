import { INT4_MAX } from '@goodchatter/core';
import { deleteStaffAlias, listStaffAliases, mergeStaffAliases } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';

const StaffAlias = z.object({
  id: z.number().int(),
  brand: z.string(),
  person: z.string(),
  alias: z.string().describe('as matched: lower case, no leading @'),
});
const name = z.string().trim().min(1).max(200);
/** A variant must keep something besides @ and spaces, or it would match nothing. */
const alias = name.refine((a) => /[^@\s]/.test(a), 'must not be only @');
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };
const tags = ['reports'];

/** Name variants of one staff member per brand, merged for /v1/kudos (and the kudos wall). */
export const staffAliasRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/staff-aliases',
    {
      schema: {
        summary: 'Merged staff name variants, per brand',
        tags,
        querystring: z.object({ brand: name.optional().describe('any case') }).strict(),
        response: { 200: z.object({ data: z.array(StaffAlias) }), ...errors },
      },
    },
    async (req) => ({ data: await listStaffAliases(app.database.db, req.query.brand) }),
  );

  app.post(
    '/v1/staff-aliases',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Merge name variants ("Priya S.", "@priya_helps") into one person at a brand',
        description:
          'Variants match any case, with or without a leading @. A variant already merged into someone else at that brand moves to this person.',
        tags,
        body: z.object({ brand: name, person: name, aliases: z.array(alias).min(1).max(50) }).strict(),
        response: { 201: z.object({ data: z.array(StaffAlias) }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send({ data: await mergeStaffAliases(app.database.db, req.body) }),
  );

  app.delete(
    '/v1/staff-aliases/:id',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Un-merge one name variant',
        tags,
        params: z.object({ id: z.coerce.number().int().positive().max(INT4_MAX) }),
        response: { 204: z.null(), 404: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      if (!(await deleteStaffAlias(app.database.db, req.params.id)))
        throw new HttpError(404, `staff alias ${req.params.id} not found`);
      return reply.status(204).send(null);
    },
  );
};
