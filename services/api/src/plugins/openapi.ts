import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * OpenAPI 3 generated from every route's zod schemas (registered before the routes, so it
 * sees them all), served at /openapi.json, with Swagger UI at /docs. Both are public.
 */
export const openapi = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Good Chatter API',
          description:
            'Praise and complaints about your brand, for care teams. Authenticate with `Authorization: Bearer <key>`, or (the care app) with the session cookie from `POST /v1/session` plus `x-csrf-token` on writes.',
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            apiKey: { type: 'http', scheme: 'bearer' },
            // The care app's sign-in (POST /v1/session); writes also need x-csrf-token.
            sessionCookie: { type: 'apiKey', in: 'cookie', name: 'gc_session' },
          },
        },
        security: [{ apiKey: [] }, { sessionCookie: [] }],
      },
      transform: jsonSchemaTransform,
    });
    // Swagger UI's own routes are added in this child context, which marks them public.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
        route.schema = { ...route.schema, hide: true };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
