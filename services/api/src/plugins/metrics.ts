import { timingSafeEqual } from 'node:crypto';
import { countDeliveriesByStatus, countMentionsByLabel, countRejections } from '@goodchatter/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

export interface MetricsOptions {
  /** How often the shared-state gauges are re-read (default 15 s). */
  refreshMs?: number;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string;
}

/**
 * Prometheus metrics at /metrics (public like health checks, unless a token is set). A
 * registry per app, so several apps in one process (tests, the one-process stack) do not
 * collide. Queue depths and table counts are shared state, not this process's: they are
 * re-read on a timer, one pass at a time, so a scrape costs no query however often (or
 * however many at once) it comes; a failed pass keeps the last values.
 */
export const metrics = fp<MetricsOptions>(
  async (app: FastifyInstance, opts) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const gauge = (name: string, help: string, label: string) =>
      new Gauge({ name, help, labelNames: [label], registers: [registry] });
    const queueJobs = new Gauge({
      name: 'goodchatter_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
    });
    const stored = gauge('goodchatter_mentions_stored', 'Stored mentions per classifier label', 'label');
    const deliveries = gauge('goodchatter_webhook_deliveries', 'Webhook deliveries per status', 'status');
    const rejected = gauge(
      'goodchatter_mentions_rejected',
      'Mentions set aside as unstorable (dead letters, GET /v1/rejected) per stage',
      'stage',
    );

    async function refresh() {
      const db = app.database.db;
      const [counts, labels, statuses, stages] = await Promise.all([
        Promise.all(app.queues.all().map((q) => q.getJobCounts(...QUEUE_STATES))),
        countMentionsByLabel(db),
        countDeliveriesByStatus(db),
        countRejections(db),
      ]);
      queueJobs.reset();
      app.queues.all().forEach((q, i) => {
        for (const state of QUEUE_STATES) queueJobs.set({ queue: q.name, state }, counts[i]?.[state] ?? 0);
      });
      stored.reset();
      for (const { label, count } of labels) stored.set({ label }, count);
      deliveries.reset();
      for (const { status, count } of statuses) deliveries.set({ status }, count);
      rejected.reset();
      for (const { stage, count } of stages) rejected.set({ stage }, count);
    }

    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    // The first scrape waits for the first pass, so it never shows empty gauges.
    let first: Promise<void> | undefined;
    // A pass waiting on a dependency that is away gives up, keeping the last values.
    const bounded = (ms: number) => {
      let t: NodeJS.Timeout | undefined;
      return Promise.race([
        refresh(),
        new Promise<void>((_, reject) => {
          t = setTimeout(() => reject(new Error(`metrics refresh took over ${ms} ms`)), ms);
        }),
      ]).finally(() => clearTimeout(t));
    };
    const tick = () => {
      running = bounded(10_000)
        .catch((err) => app.log.debug({ err }, 'metrics refresh failed; keeping the last values'))
        .finally(() => {
          running = undefined;
          if (timer) timer.refresh();
        });
    };
    app.addHook('onReady', async () => {
      timer = setTimeout(tick, opts.refreshMs ?? 15_000);
      timer.unref();
      tick();
      first = running;
    });
    app.addHook('onClose', async () => {
      clearTimeout(timer);
      timer = undefined;
      let t: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (t = setTimeout(resolve, 2000)))]);
      clearTimeout(t);
    });

    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      latency.observe({ method: req.method, route, status_code: reply.statusCode }, reply.elapsedTime / 1000);
    });

    const expected = opts.token ? `Bearer ${opts.token}` : undefined;
    app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
      if (expected && !safeEqual(req.headers.authorization ?? '', expected)) {
        return reply.status(401).send({
          error: { code: 'unauthorized', message: 'metrics need METRICS_TOKEN', requestId: String(req.id) },
        });
      }
      await first;
      const body = await registry.metrics();
      return reply.type(registry.contentType).send(body);
    });
  },
  { name: 'metrics', dependencies: ['queues'] },
);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
