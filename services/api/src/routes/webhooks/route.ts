import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  rotateWebhookSecret,
  type WebhookInput,
} from '@goodchatter/db';
import { updateWebhook } from '@goodchatter/webhooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, HttpError } from '../../errors.js';
import { webhookDeliveryRoutes } from './deliveries.js';
import {
  CreateWebhookBody,
  PatchWebhookBody,
  toWebhookView,
  WebhookList,
  WebhookParams,
  WebhookView,
  WebhookWithSecret,
} from './schemas.js';
import { checkWebhookTarget } from './target.js';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Wire settings → columns: the filters object is flattened, and replaced whole when given. */
function toColumns(body: PatchWebhookBody): Partial<WebhookInput> {
  const { filters, ...rest } = body;
  return { ...rest, ...(filters ?? {}) };
}

/**
 * Webhook subscriptions: /v1/webhooks (issue 6). Every route needs the admin scope: a
 * subscription sends mentions out of the system, and its URL may hold a token.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ allowPrivate?: boolean }> = async (app, opts) => {
  const allowPrivate = opts.allowPrivate ?? false;
  const db = () => app.database.db;
  const config = { scope: 'admin' as const };
  const found = async (id: number) => {
    const w = await getWebhook(db(), id);
    if (!w) throw new HttpError(404, `webhook ${id} not found`);
    return w;
  };

  app.post(
    '/v1/webhooks',
    {
      config,
      schema: {
        summary: 'Create a subscription; the answer carries its signing secret, shown only here',
        tags: ['webhooks'],
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecret, ...errors },
      },
    },
    async (req, reply) => {
      await checkWebhookTarget(req.body.url, allowPrivate);
      const created = await createWebhook(db(), toColumns(req.body) as WebhookInput);
      return reply.status(201).send({ ...toWebhookView(created), secret: created.secret });
    },
  );

  app.get(
    '/v1/webhooks',
    {
      config,
      schema: { summary: 'All subscriptions (without secrets)', tags: ['webhooks'], response: { 200: WebhookList } },
    },
    async () => ({
      data: (await listWebhooks(db())).map(toWebhookView),
    }),
  );

  app.get(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        summary: 'One subscription, with why it was disabled if it was',
        tags: ['webhooks'],
        params: WebhookParams,
        response: { 200: WebhookView, ...errors },
      },
    },
    async (req) => toWebhookView(await found(req.params.id)),
  );

  app.patch(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        summary: 'Change a subscription; `active: true` re-enables a disabled one',
        tags: ['webhooks'],
        params: WebhookParams,
        body: PatchWebhookBody,
        response: { 200: WebhookView, ...errors },
      },
    },
    async (req) => {
      if (req.body.url !== undefined) await checkWebhookTarget(req.body.url, allowPrivate);
      const updated = await updateWebhook(db(), req.params.id, toColumns(req.body));
      if (!updated) throw new HttpError(404, `webhook ${req.params.id} not found`);
      return toWebhookView(updated);
    },
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      config,
      schema: {
        summary: 'Delete a subscription and its delivery log',
        tags: ['webhooks'],
        params: WebhookParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      if (!(await deleteWebhook(db(), req.params.id))) throw new HttpError(404, `webhook ${req.params.id} not found`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/webhooks/:id/rotate-secret',
    {
      config,
      schema: {
        summary: 'A new signing secret (in the answer); the old one stops at once',
        tags: ['webhooks'],
        params: WebhookParams,
        response: { 200: WebhookWithSecret, ...errors },
      },
    },
    async (req) => {
      const rotated = await rotateWebhookSecret(db(), req.params.id);
      if (!rotated) throw new HttpError(404, `webhook ${req.params.id} not found`);
      return { ...toWebhookView(rotated), secret: rotated.secret };
    },
  );

  await app.register(webhookDeliveryRoutes);
};
