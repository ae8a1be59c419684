import { MentionInput } from '@goodchatter/core';
import { QUEUES } from '@goodchatter/queues';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';

/** Longest push ingest waits for Redis to take the batches before answering 503. */
const ENQUEUE_TIMEOUT_MS = 5000;
const RETRY_AFTER_S = 5;

/** Pushed mentions never name a tracked query: those belong to polled sources. */
const PushedMention = MentionInput.omit({ queryId: true });
const IngestBody = z.object({ mentions: z.array(PushedMention).min(1).max(1000) }).strict();

/** Same batch size as polled mentions, so the scorer sees the same job shape either way. */
const BATCH = 100;

/**
 * Push ingest for sources we do not poll. The whole body is validated before anything is
 * enqueued (a bad item is a 400 naming `body.mentions.<index>.<field>`), and the batches go
 * in one atomic `addBulk`: all of it is queued or none. Storing is idempotent on
 * (source, externalId), so a client retrying after a timeout creates no duplicates.
 */
export const ingestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/v1/ingest',
    {
      config: { scope: 'write' },
      // 1,000 mentions of up to 10,000 characters each.
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        summary: 'Push mentions from a source we do not poll',
        tags: ['ingest'],
        body: IngestBody,
        response: {
          202: z.object({ accepted: z.number().int(), jobs: z.number().int() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          413: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      // A 202 promises the mentions are queued: while Redis is away say 503 at once (the
      // client retries; storing is idempotent, so a batch that did land is not doubled).
      const unavailable = () => {
        reply.header('retry-after', RETRY_AFTER_S);
        return new HttpError(503, 'Redis is unavailable, nothing was queued; retry shortly');
      };
      if (app.redis.status !== 'ready') throw unavailable();
      const { mentions } = req.body;
      const enqueuedAt = Date.now();
      const jobs = [];
      for (let i = 0; i < mentions.length; i += BATCH) {
        jobs.push({ name: 'push', data: { mentions: mentions.slice(i, i + BATCH), enqueuedAt } });
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          app.queues.getQueue(QUEUES.score).addBulk(jobs),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(unavailable()), ENQUEUE_TIMEOUT_MS);
          }),
        ]);
      } catch (err) {
        throw err instanceof HttpError ? err : unavailable();
      } finally {
        clearTimeout(timer);
      }
      return reply.status(202).send({ accepted: mentions.length, jobs: jobs.length });
    },
  );
};
