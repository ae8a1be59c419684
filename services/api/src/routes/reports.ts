import { dailyStats, kudos } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../errors.js';
import { RangeQuery, toRange } from '../schemas.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

const KudosEntry = z.object({
  staff: z.string().describe('the most common spelling of the name at this brand'),
  brand: z.string().nullable().describe('staff are counted per brand: the same name at two brands is two people'),
  count: z.number().int(),
  mentions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      authorHandle: z.string(),
      url: z.string().nullable(),
      brand: z.string().nullable(),
      postedAt: z.string(),
    }),
  ),
});

const DayStats = z.object({
  day: z.string().describe('UTC day of posting, YYYY-MM-DD'),
  brand: z.string().nullable(),
  total: z.number().int(),
  labels: z.object({
    praise: z.number().int(),
    complaint: z.number().int(),
    neutral: z.number().int(),
    mixed: z.number().int(),
    unscored: z.number().int(),
  }),
  praiseRatio: z.number().nullable().describe('praise / (all but unscored); null when none scored'),
  thanked: z.number().int(),
  rewarded: z.number().int(),
  medianSecondsToStore: z.number().nullable().describe('median time from posted to stored'),
});

/** Team leads' reports: kudos per staff member, and daily figures per brand. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/kudos',
    {
      schema: {
        summary: 'Praise per staff member, with the mentions behind each count',
        tags: ['reports'],
        querystring: RangeQuery.extend({
          perStaff: z.coerce.number().int().min(1).max(500).default(50).describe('newest mentions listed per person'),
        }).strict(),
        response: { 200: z.object({ since: z.string(), until: z.string(), data: z.array(KudosEntry) }), ...errors },
      },
    },
    async (req) => {
      const range = toRange(req.query);
      const entries = await kudos(app.database.db, range, req.query.perStaff);
      return {
        since: range.since.toISOString(),
        until: range.until.toISOString(),
        data: entries.map((e) => ({
          ...e,
          mentions: e.mentions.map((m) => ({ ...m, id: String(m.id), postedAt: m.postedAt.toISOString() })),
        })),
      };
    },
  );

  app.get(
    '/v1/stats',
    {
      schema: {
        summary: 'Per day and brand: labels, praise ratio, thanked/rewarded, median time to store',
        tags: ['reports'],
        querystring: RangeQuery.strict(),
        response: { 200: z.object({ since: z.string(), until: z.string(), data: z.array(DayStats) }), ...errors },
      },
    },
    async (req) => {
      const range = toRange(req.query);
      const days = await dailyStats(app.database.db, range);
      return {
        since: range.since.toISOString(),
        until: range.until.toISOString(),
        data: days.map((d) => {
          const scored = d.total - d.labels.unscored;
          return { ...d, praiseRatio: scored > 0 ? d.labels.praise / scored : null };
        }),
      };
    },
  );
};
