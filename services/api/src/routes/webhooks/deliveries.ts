import { getDeliveryEntry, getWebhook, listDeliveries } from '@goodchatter/db';
import { createTestDelivery, redeliver } from '@goodchatter/webhooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { DeliveryList, DeliveryParams, DeliveryQuery, DeliveryView, toDeliveryView, WebhookParams } from './schemas.js';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/**
 * A subscription's delivery log, redelivery and test events. The API only writes rows:
 * the notifier's sweep (WEBHOOK_SWEEP_MS, 1 s by default) sends what became pending.
 */
export const webhookDeliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;
  const config = { scope: 'admin' as const };
  const exists = async (id: number) => {
    if (!(await getWebhook(db(), id))) throw new HttpError(404, `webhook ${id} not found`);
  };

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config,
      schema: {
        summary: 'The delivery log, newest first',
        tags: ['webhooks'],
        params: WebhookParams,
        querystring: DeliveryQuery,
        response: { 200: DeliveryList, ...errors },
      },
    },
    async (req) => {
      await exists(req.params.id);
      const { limit, cursor, status } = req.query;
      const rows = await listDeliveries(db(), req.params.id, { limit, before: cursor, status });
      const last = rows.at(-1);
      return { data: rows.map(toDeliveryView), nextCursor: rows.length === limit && last ? String(last.id) : null };
    },
  );

  app.post(
    '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      config,
      schema: {
        summary: "Send a finished delivery's event again (same id and body)",
        tags: ['webhooks'],
        params: DeliveryParams,
        response: { 202: DeliveryView, ...errors },
      },
    },
    async (req, reply) => {
      const { id, deliveryId } = req.params;
      const outcome = await redeliver(db(), id, deliveryId);
      if (outcome === 'not_found') throw new HttpError(404, `delivery ${deliveryId} of webhook ${id} not found`);
      if (outcome === 'busy') throw new HttpError(409, `delivery ${deliveryId} is still pending, in flight or batched`);
      const entry = await getDeliveryEntry(db(), id, deliveryId);
      if (!entry) throw new HttpError(404, `delivery ${deliveryId} of webhook ${id} not found`);
      return reply.status(202).send(toDeliveryView(entry));
    },
  );

  app.post(
    '/v1/webhooks/:id/test',
    {
      config,
      schema: {
        summary: 'Queue a webhook.test event with a sample mention',
        tags: ['webhooks'],
        params: WebhookParams,
        response: { 202: DeliveryView, ...errors },
      },
    },
    async (req, reply) => {
      const deliveryId = await createTestDelivery(db(), req.params.id);
      if (!deliveryId) throw new HttpError(404, `webhook ${req.params.id} not found`);
      const entry = await getDeliveryEntry(db(), req.params.id, deliveryId);
      if (!entry) throw new HttpError(404, `webhook ${req.params.id} not found`);
      return reply.status(202).send(toDeliveryView(entry));
    },
  );
};
