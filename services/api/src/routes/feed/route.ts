import { INT4_MAX, Mention } from '@goodchatter/core';
import { listFeedJson } from '@goodchatter/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decodeFeedCursor, encodeFeedCursor } from '../../cursor.js';
import { ErrorBody } from '../../errors.js';
import { renderedJson } from '../../schemas.js';

const FeedQuery = z
  .object({
    brand: z.string().min(1).max(200).optional(),
    queryId: z.coerce.number().int().positive().max(INT4_MAX).optional(),
    source: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe('only mentions from this source (`x`, `mastodon`, `bluesky`, `push`, …)'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

const FeedItem = Mention.extend({
  worthiness: z.number().describe('confidence × (1 + log10(1 + followers)) × 2^(−age hours / 48)'),
});
const FeedPage = z.object({ data: z.array(FeedItem), nextCursor: z.string().nullable() });

/** The good-chatter feed: praise still `new`, most reward-worthy first. */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/feed',
    {
      schema: {
        summary: 'Fresh praise ranked by reward-worthiness',
        description:
          'Praise with status `new`, ranked by worthiness = confidence × (1 + log10(1 + author followers)) × 2^(−age in hours / 48): a 48-hour half-life, so a day-old post needs about 1.4× the reach or confidence of a fresh one.',
        tags: ['feed'],
        querystring: FeedQuery,
        response: { 200: FeedPage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const body = await app.reads.read(`feed?${JSON.stringify(q)}`, async () => {
        const { items, next } = await listFeedJson(
          app.readDatabase.db,
          { brand: q.brand, queryId: q.queryId, source: q.source },
          { limit: q.limit, after: q.cursor ? decodeFeedCursor(q.cursor) : undefined },
        );
        // Postgres rendered each item (see MENTION_JSON_SQL): assemble, do not re-serialise.
        const cursor = next ? JSON.stringify(encodeFeedCursor(next)) : 'null';
        return `{"data":[${items.join(',')}],"nextCursor":${cursor}}`;
      });
      return reply.type('application/json; charset=utf-8').send(renderedJson(body));
    },
  );
};
