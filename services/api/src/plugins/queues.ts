import { rateLimited } from '@goodchatter/core';
import { type OpenQueues, openQueues } from '@goodchatter/queues';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The API's queue handles, typed by name: `getQueue(QUEUES.score)` for push ingest,
     * `getQueue(QUEUES.poll)` for poll-now, `all()` for depths in /metrics and bull-board.
     */
    queues: OpenQueues;
  }
}

/** Queue handles on the API's own (fail-fast) Redis connection; closed with the app. */
export const queues = fp(
  async (app: FastifyInstance, opts: { queuePrefix: string }) => {
    const registry = openQueues({ connection: app.redis, prefix: opts.queuePrefix });
    // Opened now, not on first use: /metrics and the dashboard list every queue anyway.
    const all = registry.all();
    // While Redis is away every queue reports each reconnect: one line per 30 s in all.
    const limit = rateLimited();
    for (const q of all) {
      q.on('error', (err) =>
        limit((suppressed) => app.log.warn({ err, queue: q.name, suppressed }, 'queue connection error')),
      );
    }
    app.decorate('queues', registry);
    app.addHook('onClose', async () => {
      // A queue waits for its connection to close; with Redis away that is never: bounded.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        registry.close().catch(() => {}),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 2000);
        }),
      ]);
      clearTimeout(timer);
    });
  },
  { name: 'queues' },
);
