import { createQuery, deleteQuery, getQuery, listQueries, type QueryPatch, updateQuery } from '@goodchatter/db';
import { QUEUES } from '@goodchatter/queues';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { allows } from '../../plugins/auth.js';
import { createPollControl } from './schedule.js';
import {
  CreateQueryBody,
  PatchQueryBody,
  PollAccepted,
  QueryList,
  QueryParams,
  QueryView,
  queryProblem,
  type SourceAbilities,
  toQueryView,
} from './schemas.js';
import { sourceAbilitiesFromEnv } from './source-abilities.js';

const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['tracked queries'];

export interface QueryRouteOptions {
  /** Default: read from the environment at registration (see source-abilities.ts). */
  sources?: SourceAbilities;
}

/** Tracked queries: /v1/queries (issue 4). Thin: rules live in the db verbs and schemas. */
export const queryRoutes: FastifyPluginAsyncZod<QueryRouteOptions> = async (app, opts) => {
  const db = () => app.database.db;
  const abilities = opts.sources ?? sourceAbilitiesFromEnv();
  // The queues plugin owns the API's queue handles (right prefix, closed with the app).
  if (!app.hasDecorator('queues')) throw new Error('the queues plugin must be registered before the query routes');
  const control = createPollControl(app.queues.getQueue(QUEUES.poll), app.log);

  const found = async (id: string) => {
    const q = await getQuery(db(), Number(id));
    if (!q) throw new HttpError(404, `query ${id} not found`);
    return q;
  };
  const checkQuery = (req: FastifyRequest, source: string, text: string) => {
    // A replay query's text is a file path the ingest service opens: only admins may set one.
    if (source === 'replay' && !allows(req.apiKey?.scopes ?? [], 'admin')) {
      throw new HttpError(403, 'replay queries read a file on the server: they need the admin scope');
    }
    const problem = queryProblem(source, text, abilities);
    if (problem) throw new HttpError(400, `body.query: ${problem}`);
  };

  app.post(
    '/v1/queries',
    {
      config: { scope: 'write' },
      schema: { summary: 'Track a query', tags, body: CreateQueryBody, response: { 201: QueryView, ...errors } },
    },
    async (req, reply) => {
      const { pollIntervalSeconds, ...body } = req.body;
      checkQuery(req, body.source, body.query);
      const created = await createQuery(db(), { ...body, pollIntervalMs: pollIntervalSeconds * 1000 });
      if (!created) throw new HttpError(409, `a ${body.source} query with this text already exists`);
      await control.reschedule(created);
      return reply.status(201).send(toQueryView(created));
    },
  );

  app.get(
    '/v1/queries',
    {
      config: { scope: 'read' },
      schema: { summary: 'Tracked queries and their poll state', tags, response: { 200: QueryList } },
    },
    async () => {
      const now = new Date();
      return { data: (await listQueries(db())).map((q) => toQueryView(q, now)) };
    },
  );

  app.get(
    '/v1/queries/:id',
    {
      config: { scope: 'read' },
      schema: { summary: 'One tracked query', tags, params: QueryParams, response: { 200: QueryView, ...errors } },
    },
    async (req) => toQueryView(await found(req.params.id)),
  );

  app.patch(
    '/v1/queries/:id',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Change a tracked query',
        tags,
        params: QueryParams,
        body: PatchQueryBody,
        response: { 200: QueryView, ...errors },
      },
    },
    async (req) => {
      const { pollIntervalSeconds, ...rest } = req.body;
      const patch: QueryPatch = {
        ...rest,
        ...(pollIntervalSeconds === undefined ? {} : { pollIntervalMs: pollIntervalSeconds * 1000 }),
      };
      if (patch.query !== undefined) checkQuery(req, (await found(req.params.id)).source, patch.query);
      const outcome = await updateQuery(db(), Number(req.params.id), patch);
      if (!outcome.ok && outcome.reason === 'not_found') throw new HttpError(404, `query ${req.params.id} not found`);
      if (!outcome.ok) throw new HttpError(409, 'a query of this source with this text already exists');
      const { before, after } = outcome;
      if (before.enabled !== after.enabled || before.pollIntervalMs !== after.pollIntervalMs) {
        await control.reschedule(after);
      }
      return toQueryView(after);
    },
  );

  app.delete(
    '/v1/queries/:id',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Stop tracking a query (its mentions stay)',
        tags,
        params: QueryParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const id = Number(req.params.id);
      if (!(await deleteQuery(db(), id))) throw new HttpError(404, `query ${req.params.id} not found`);
      await control.reschedule({ id, deleted: true });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/queries/:id/poll',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Poll a query now',
        tags,
        params: QueryParams,
        response: { 202: PollAccepted, ...errors, 503: ErrorBody },
      },
    },
    async (req, reply) => {
      const q = await found(req.params.id);
      // The poller would skip these; saying why beats a 202 that does nothing.
      if (!q.enabled) throw new HttpError(409, `query ${q.id} is disabled; enable it first`);
      if (q.status === 'failing') throw new HttpError(409, `query ${q.id} is failing (${q.lastError}); edit it first`);
      if (q.pausedUntil && q.pausedUntil > new Date()) {
        throw new HttpError(409, `query ${q.id} is paused until ${q.pausedUntil.toISOString()}`);
      }
      const jobId = await control.pollNow(q.id);
      return reply.status(202).send({ queryId: q.id, jobId: jobId ?? null });
    },
  );
};
