import { Readable } from 'node:stream';
import { listMentions, type MentionCursor, type MentionFilter, type MentionSort, toMention } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvRow } from '../../csv.js';
import { ErrorBody } from '../../errors.js';
import { MentionFilterQuery, toFilter } from '../../schemas.js';

const HEADER = [
  'id',
  'source',
  'external_id',
  'brand',
  'query_id',
  'posted_at',
  'author_handle',
  'author_name',
  'author_followers',
  'label',
  'confidence',
  'status',
  'staff',
  'lang',
  'url',
  'text',
];

const ExportQuery = MentionFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1_000_000).optional().describe('at most this many rows; default all'),
}).strict();

/** Reads keyset pages one after another, so any number of rows streams in constant memory. */
async function* rows(app: Parameters<FastifyPluginAsyncZod>[0], filter: MentionFilter, sort: MentionSort, max: number) {
  yield csvRow(HEADER);
  let after: MentionCursor | undefined;
  let left = max;
  while (left > 0) {
    const page = await listMentions(app.readDatabase.db, filter, { limit: Math.min(1000, left), sort, after });
    for (const r of page.rows) {
      const m = toMention(r);
      yield csvRow([
        m.id,
        m.source,
        m.externalId,
        m.brand,
        m.queryId,
        m.postedAt,
        m.author.handle,
        m.author.name,
        m.author.followers,
        m.label,
        m.confidence,
        m.status,
        m.staff.join('; '),
        m.lang,
        m.url,
        m.text,
      ]);
    }
    left -= page.rows.length;
    if (!page.next) return;
    after = page.next;
  }
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/mentions.csv',
    {
      schema: {
        summary: 'Any mentions query as streamed CSV (RFC 4180, formula-safe)',
        tags: ['mentions'],
        querystring: ExportQuery,
        response: {
          200: z.unknown().describe('text/csv'),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const filter = toFilter(req.query);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', 'attachment; filename="mentions.csv"')
        .send(Readable.from(rows(app, filter, req.query.sort, req.query.limit ?? Number.MAX_SAFE_INTEGER)));
    },
  );
};
