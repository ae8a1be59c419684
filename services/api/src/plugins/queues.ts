import { rateLimited } from '@goodchatter/core';
import { createQueue, QUEUES, type Queue, type QueueName, type ScoreJob } from '@goodchatter/queues';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    queues: {
      /** Producer for push ingest: the same queue and payload polled mentions use. */
      score: Queue<ScoreJob>;
      /** Every queue, for depths in /metrics and the bull-board dashboard. */
      all: Queue[];
    };
  }
}

/** Queue handles on the API's own (fail-fast) Redis connection; closed with the app. */
export const queues = fp(
  async (app: FastifyInstance, opts: { queuePrefix: string }) => {
    const names = Object.values(QUEUES) as QueueName[];
    const all = names.map((name) => createQueue(name, { connection: app.redis, prefix: opts.queuePrefix }));
    // While Redis is away every queue reports each reconnect: one line per 30 s in all.
    const limit = rateLimited();
    for (const q of all) {
      q.on('error', (err) =>
        limit((suppressed) => app.log.warn({ err, queue: q.name, suppressed }, 'queue connection error')),
      );
    }
    const score = all[names.indexOf(QUEUES.score)] as unknown as Queue<ScoreJob>;
    app.decorate('queues', { score, all: all as unknown as Queue[] });
    app.addHook('onClose', async () => {
      // A queue waits for its connection to close; with Redis away that is never: bounded.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(all.map((q) => q.close().catch(() => {}))),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 2000);
        }),
      ]);
      clearTimeout(timer);
    });
  },
  { name: 'queues' },
);
