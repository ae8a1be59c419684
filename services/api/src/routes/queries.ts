import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Tracked queries: /v1/queries (issue 4). */
export const queryRoutes: FastifyPluginAsyncZod = async () => {};
