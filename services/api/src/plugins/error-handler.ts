import { connectionErrorLogger } from '@goodchatter/core';
import { isOutageError } from '@goodchatter/queues';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { codeFor, HttpError } from '../errors.js';

/** Seconds a client should wait before retrying while Postgres or Redis is away. */
const OUTAGE_RETRY_AFTER_S = 5;

function validationMessage(err: FastifyError): string {
  if (!hasZodFastifySchemaValidationErrors(err)) return err.message;
  const where = err.validationContext ?? 'request';
  return err.validation
    .map((v) => {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `${where}${path ? `.${path}` : ''}: ${v.message}`;
    })
    .join('; ');
}

/** Every error leaves as `{ error: { code, message, requestId } }`; 5xx details stay in the log. */
export const errorHandler = fp(async (app: FastifyInstance) => {
  // One line per 30 s while a dependency is away, not one per request.
  const logOutage = connectionErrorLogger(app.log, 'dependency unavailable; answering 503');
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // Postgres or Redis away (push ingest cannot queue, a read cannot query): a 503 the
    // client may retry, never a 500, and nothing was accepted.
    if (!(err instanceof HttpError) && isOutageError(err)) {
      logOutage(err);
      return reply
        .status(503)
        .header('retry-after', OUTAGE_RETRY_AFTER_S)
        .send({
          error: {
            code: 'unavailable',
            message: 'a dependency (Postgres or Redis) is unavailable; retry shortly',
            requestId: String(req.id),
          },
        });
    }
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    // A 503 is a dependency away (logged above, rate-limited), not a bug.
    if (status >= 500 && status !== 503) req.log.error({ err }, 'request failed');
    const code = err instanceof HttpError ? err.code : codeFor(status);
    const message = status >= 500 ? 'internal error' : validationMessage(err);
    return reply.status(status).send({ error: { code, message, requestId: String(req.id) } });
  });
  app.setNotFoundHandler(async (req, reply) => {
    // The care app's own paths (registered later, plugins/web-app.ts) get its page.
    if (app.hasDecorator('webApp') && (await app.webApp.fallback(req, reply))) return reply;
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `no route ${req.method} ${req.url.split('?')[0]}`,
        requestId: String(req.id),
      },
    });
  });
});
