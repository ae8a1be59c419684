import { LABELS, type Label } from '@goodchatter/core';
import { dailyStats } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../errors.js';
import { RangeQuery, toRange } from '../../schemas.js';
import { KudosAnswer, kudosAnswer } from '../kudos-shares/kudos-view.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/** A count for every label, each label its own property. */
const labelCounts = Object.fromEntries(LABELS.map((l) => [l, z.number().int()])) as Record<Label, z.ZodNumber>;

const DayStats = z.object({
  day: z.string().describe('UTC day of posting, YYYY-MM-DD'),
  brand: z.string().nullable(),
  total: z.number().int(),
  labels: z.object(labelCounts),
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
        response: { 200: KudosAnswer, ...errors },
      },
    },
    // A lead's dashboard and its wall screens ask the same report at once: one query serves them.
    async (req) =>
      app.reads.read(`kudos?${JSON.stringify(req.query)}`, () =>
        kudosAnswer(app.readDatabase.db, toRange(req.query), req.query.perStaff),
      ),
  );

  app.get(
    '/v1/stats',
    {
      schema: {
        summary: 'Per day and brand: labels, praise ratio, thanked/rewarded, median time to store',
        tags: ['reports'],
        querystring: RangeQuery.extend({
          source: z.string().min(1).max(100).optional().describe('only mentions from this source (`x`, `mastodon`, …)'),
        }).strict(),
        response: { 200: z.object({ since: z.string(), until: z.string(), data: z.array(DayStats) }), ...errors },
      },
    },
    async (req) => {
      const range = toRange(req.query);
      const days = await app.reads.read(`stats?${JSON.stringify(req.query)}`, () =>
        dailyStats(app.readDatabase.db, { ...range, source: req.query.source }),
      );
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
