import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One log line per request, when it is answered: `GET /v1/feed 200 3 ms`, with the same
 * facts as fields for log search. (Fastify's own lines are two per request with nested
 * req/res objects: about 14 lines each at a terminal.) The query string is left out: it
 * may carry search text.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const path = req.url.split('?')[0];
    const ms = Math.round(reply.elapsedTime);
    const fields = { method: req.method, path, statusCode: reply.statusCode, ms };
    const line = `${req.method} ${path} ${reply.statusCode} ${ms} ms`;
    if (error) req.log.error({ ...fields, err: error }, line);
    else req.log.info(fields, line);
  }
}
