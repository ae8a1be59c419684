import { dailyStats, weeklyOutcomes } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../errors.js';
import { TimeParam } from '../../time-param.js';

const DAY_MS = 86_400_000;

const Day = z.object({
  day: z.string().describe('UTC day of posting, YYYY-MM-DD'),
  brand: z.string().nullable(),
  total: z.number().int().describe('every mention posted that day, unscored ones too'),
  praise: z.number().int(),
  complaint: z.number().int(),
  neutral: z.number().int(),
  mixed: z.number().int(),
  praiseRatio: z.number().nullable().describe('praise / (all but unscored); null when none scored'),
});
const Week = z.object({
  week: z.string().describe('Monday of the UTC week, YYYY-MM-DD'),
  brand: z.string().nullable(),
  thanked: z.number().int().describe('mentions first marked thanked that week'),
  rewarded: z.number().int().describe('mentions first marked rewarded that week'),
  medianSecondsToThanked: z.number().nullable().describe('from posted to marked thanked, of those thanked that week'),
  p90SecondsToThanked: z.number().nullable(),
});

/**
 * The start of `days` whole UTC days ending with the day of `until`'s last instant (so
 * `until=2026-11-12` with `days=2` is 10 and 11 November; `until` now includes today).
 */
function startOfRange(until: Date, days: number): Date {
  const last = new Date(until.getTime() - 1);
  const day = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate());
  return new Date(day - (days - 1) * DAY_MS);
}

/** The trends view: volume and praise ratio per day, the team's thanks and rewards per week. */
export const trendRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/trends',
    {
      schema: {
        summary: 'Per day: volume by label and praise ratio; per week: thanked, rewarded, time to thanked',
        description:
          'Covers the last `days` UTC days up to `until` (today included). Days count mentions by when they were posted; weeks count what staff did, by when they did it.',
        tags: ['reports'],
        querystring: z
          .object({
            brand: z.string().min(1).max(200).optional().describe('any case'),
            days: z.coerce.number().int().min(1).max(366).default(30),
            until: TimeParam.optional().describe('end of the period (exclusive); default now'),
          })
          .strict(),
        response: {
          200: z.object({ since: z.string(), until: z.string(), daily: z.array(Day), weekly: z.array(Week) }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req) => {
      const until = req.query.until ? new Date(req.query.until) : new Date();
      const range = { since: startOfRange(until, req.query.days), until, brand: req.query.brand };
      const [days, weeks] = await Promise.all([
        dailyStats(app.readDatabase.db, range),
        weeklyOutcomes(app.readDatabase.db, range),
      ]);
      return {
        since: range.since.toISOString(),
        until: until.toISOString(),
        daily: days.map(({ day, brand, total, labels }) => {
          const scored = total - labels.unscored;
          const { praise, complaint, neutral, mixed } = labels;
          return {
            day,
            brand,
            total,
            praise,
            complaint,
            neutral,
            mixed,
            praiseRatio: scored > 0 ? praise / scored : null,
          };
        }),
        weekly: weeks,
      };
    },
  );
};
