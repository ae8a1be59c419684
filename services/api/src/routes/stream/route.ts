import type { ServerResponse } from 'node:http';
import { SCORED_LABELS } from '@goodchatter/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../errors.js';
import { afterId, type LiveEvent, MentionEventHub } from './hub.js';

const ONE_LABEL = `(${SCORED_LABELS.join('|')})`;

const StreamQuery = z
  .object({
    labels: z
      .string()
      .regex(new RegExp(`^${ONE_LABEL}(,${ONE_LABEL})*$`), 'comma-separated labels')
      .default('praise')
      .describe('labels to receive, e.g. praise,complaint (default praise)'),
  })
  .strict();

const STREAM_ID = /^\d{1,15}-\d{1,10}$/;

/**
 * `GET /v1/stream`: newly stored mentions as server-sent events (`event: mention`, `id`
 * = stream entry id, `data` = the mention). `Last-Event-ID` resumes after that event
 * while it is still in the stream; a comment line every heartbeat keeps proxies from
 * timing the connection out. Events come through Redis, so any API process serves any
 * client.
 */
export const streamRoutes: FastifyPluginAsyncZod<{ queuePrefix: string; heartbeatMs: number }> = async (app, opts) => {
  const hub = new MentionEventHub(app.redis, app.database.db, opts.queuePrefix, app.log);
  const open = new Set<ServerResponse>();
  // The object is shared with the root instance (decorated in app.ts).
  app.streams.subscribers = () => hub.subscribers;
  // End live streams before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    await hub.close();
    for (const res of open) res.end();
  });

  app.get(
    '/v1/stream',
    {
      schema: {
        summary: 'Live newly stored praise (and optionally other labels) as server-sent events',
        tags: ['live'],
        querystring: StreamQuery,
        headers: z.object({ 'last-event-id': z.string().regex(STREAM_ID).optional() }).passthrough(),
        response: { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      // HEAD: Node sends no body for it, so a stream's writes would never flush its headers
      // and the request would hang. The headers are the whole answer.
      if (req.method === 'HEAD') {
        reply.hijack();
        reply.raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
        });
        reply.raw.end();
        return;
      }
      const labels = new Set(req.query.labels.split(','));
      const res = reply.raw;
      // 1. Clean-up first, before any await: a client that leaves while we subscribe or
      //    replay must not leave its listener or heartbeat behind.
      let gone = false;
      let unsubscribe: (() => void) | undefined;
      let heartbeat: NodeJS.Timeout | undefined;
      res.on('close', () => {
        gone = true;
        clearInterval(heartbeat);
        unsubscribe?.();
        open.delete(res);
      });
      let lastSent = req.headers['last-event-id'] ?? '0-0';
      let replaying = true;
      const pending: LiveEvent[] = [];
      const send = (events: LiveEvent[]) => {
        for (const e of events) {
          if (!afterId(e.id, lastSent)) continue;
          lastSent = e.id;
          if (labels.has(e.label)) res.write(`id: ${e.id}\nevent: mention\ndata: ${JSON.stringify(e.mention)}\n\n`);
        }
      };
      // Subscribe before replaying, buffering live events until the replay is written,
      // so nothing published in between is lost (or sent twice: ids only move forward).
      unsubscribe = await hub.subscribe((events) => (replaying ? pending.push(...events) : send(events)));
      if (gone) unsubscribe();
      let replay: LiveEvent[] = [];
      try {
        replay = req.headers['last-event-id'] && !gone ? await hub.since(lastSent) : [];
      } catch (err) {
        unsubscribe();
        throw err;
      }
      reply.hijack();
      // 2. The client left meanwhile: nothing to write to.
      if (gone) return;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\nretry: 3000\n\n');
      open.add(res);
      send(replay);
      replaying = false;
      send(pending.splice(0));

      heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatMs);
    },
  );
};
