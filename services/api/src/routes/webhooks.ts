import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Webhook subscriptions: /v1/webhooks (issue 6). */
export const webhookRoutes: FastifyPluginAsyncZod = async () => {};
