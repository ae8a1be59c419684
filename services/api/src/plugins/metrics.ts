import { countDeliveriesByStatus, countMentionsByLabel } from '@goodchatter/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/**
 * Prometheus metrics at /metrics (public, like health checks). A registry per app, so
 * several apps in one process (tests, the one-process stack) do not collide. Queue depths
 * and table counts are read at scrape time: they are shared state, not this process's.
 */
export const metrics = fp(
  async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    new Gauge({
      name: 'goodchatter_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of app.queues.all) {
          const counts = await q.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'goodchatter_mentions_stored',
      help: 'Stored mentions per classifier label',
      labelNames: ['label'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { label, count } of await countMentionsByLabel(app.database.db)) this.set({ label }, count);
      },
    });
    new Gauge({
      name: 'goodchatter_webhook_deliveries',
      help: 'Webhook deliveries per status',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { status, count } of await countDeliveriesByStatus(app.database.db)) this.set({ status }, count);
      },
    });

    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      latency.observe({ method: req.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
      const body = await registry.metrics();
      return reply.type(registry.contentType).send(body);
    });
  },
  { name: 'metrics', dependencies: ['queues'] },
);
