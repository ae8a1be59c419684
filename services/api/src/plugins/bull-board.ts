import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const BASE = '/admin/queues';

/**
 * The BullMQ dashboard at /admin/queues: every route of it needs an admin key (a Bearer
 * header, or the care app's session cookie, so the app can link to it), and it is kept
 * out of the OpenAPI document. Its page runs an inline bootstrap script, so the
 * content-security policy is relaxed for these routes only.
 */
export const bullBoard = fp(
  async (app: FastifyInstance) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BASE);
    createBullBoard({ queues: app.queues.all().map((q) => new BullMQAdapter(q)), serverAdapter });
    await app.register(async (admin) => {
      admin.addHook('onRoute', (route) => {
        route.config = {
          ...route.config,
          scope: 'admin',
          // Its page cannot send our CSRF header; a signed-in browser's writes prove same origin instead.
          csrfSameOrigin: true,
          helmet: { contentSecurityPolicy: false },
        } as typeof route.config;
        route.schema = { ...route.schema, hide: true };
      });
      await admin.register(serverAdapter.registerPlugin(), { prefix: BASE });
    });
  },
  { name: 'bull-board', dependencies: ['queues'] },
);
