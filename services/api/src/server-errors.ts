import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { codeFor } from './errors.js';

/**
 * Errors raised before a request reaches a route: Node's HTTP parser (`clientError`:
 * headers too large, malformed request line, request timeout) and Fastify's router (bad
 * percent-encoding, an over-long path parameter). Both answer in the one error shape.
 */

const body = (status: number, message: string, requestId: string) =>
  JSON.stringify({ error: { code: codeFor(status), message, requestId } });

/** Fastify's `clientErrorHandler`: the socket has no request object, so the id is fresh. */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket) {
  // A reset connection has nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request took too long to arrive']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request line and headers too large (16 KB at most)']
        : [400, 'malformed HTTP request'];
  this.log.debug({ err: err.message }, 'client error');
  if (socket.writable) {
    const text = body(status, message, randomUUID());
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}

/** Fastify's `frameworkErrors`: router failures, with a request id like any other request. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (err.statusCode ?? 400);
  const message =
    err.code === 'FST_ERR_BAD_URL'
      ? 'the URL is not validly percent-encoded'
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'a path parameter is too long'
        : 'bad request';
  reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(body(status, message, String(req.id)));
}
