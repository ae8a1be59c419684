import { Readable } from 'node:stream';
import { HISTORY_KINDS, type HistoryKind, MentionStatus, ScoredLabel } from '@goodchatter/core';
import {
  getMention,
  iterateConfirmedPraise,
  iterateFeedback,
  listMentionHistory,
  updateMentionWorkflow,
} from '@goodchatter/db';
import { recordStatusChanged } from '@goodchatter/webhooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { MentionDetail, MentionId, toMentionDetail } from '../../schemas.js';

const Change = z
  .object({
    status: MentionStatus.optional(),
    note: z.string().max(2000).optional(),
    label: ScoredLabel.optional().describe('label override'),
    reason: z.string().max(2000).optional(),
  })
  .strict()
  .refine((c) => c.status !== undefined || c.label !== undefined, 'give a status, a label, or both')
  .refine((c) => c.note === undefined || c.status !== undefined, {
    message: 'a note goes with a status',
    path: ['note'],
  })
  .refine((c) => c.reason === undefined || c.label !== undefined, {
    message: 'a reason goes with a label',
    path: ['reason'],
  });

const HistoryEntry = z.object({
  id: z.number(),
  kind: z.enum(HISTORY_KINDS),
  keyId: z.string(),
  at: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toLabel: z.string().nullable(),
  reason: z.string().nullable(),
});
const FeedbackQuery = z.object({
  confirmed: z
    .enum(['true', 'false'])
    .optional()
    .describe('also stream praise staff thanked or rewarded without changing its label (corrected = praise)'),
});
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

/** The care team's workflow on a mention, its history, and the overrides as training feedback. */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/v1/mentions/:id',
    {
      config: { scope: 'write' },
      schema: {
        summary: 'Set the status (with a note) and/or override the label (with a reason)',
        tags: ['workflow'],
        params: MentionId,
        body: Change,
        response: { 200: MentionDetail, ...errors },
      },
    },
    async (req) => {
      const keyId = req.apiKey?.id ?? 'unknown';
      // A status change's webhook event is recorded in the change's own transaction.
      const row = await updateMentionWorkflow(app.database.db, Number(req.params.id), req.body, keyId, {
        onStatusChange: recordStatusChanged,
      });
      app.reads.invalidate();
      if (!row) throw new HttpError(404, `mention ${req.params.id} not found`);
      return toMentionDetail(row);
    },
  );

  app.get(
    '/v1/mentions/:id/history',
    {
      schema: {
        summary: "A mention's status changes and label overrides, oldest first",
        tags: ['workflow'],
        params: MentionId,
        response: { 200: z.object({ data: z.array(HistoryEntry) }), ...errors },
      },
    },
    async (req) => {
      const id = Number(req.params.id);
      if (!(await getMention(app.database.db, id))) throw new HttpError(404, `mention ${req.params.id} not found`);
      const rows = await listMentionHistory(app.database.db, id);
      return { data: rows.map((r) => ({ ...r, kind: r.kind as HistoryKind, at: r.at.toISOString() })) };
    },
  );

  app.get(
    '/v1/feedback',
    {
      schema: {
        summary: 'Every label override as JSON lines: text, predicted and corrected label',
        tags: ['workflow'],
        querystring: FeedbackQuery,
        response: {
          200: z.unknown().describe('application/x-ndjson'),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const db = app.database.db;
      const confirmed = req.query.confirmed === 'true';
      const lines = async function* () {
        for await (const f of iterateFeedback(db)) {
          yield `${JSON.stringify({ ...f, at: f.at.toISOString() })}\n`;
        }
        if (!confirmed) return;
        for await (const f of iterateConfirmedPraise(db)) {
          yield `${JSON.stringify({ ...f, at: f.at.toISOString() })}\n`;
        }
      };
      return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
    },
  );
};
