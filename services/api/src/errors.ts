import { z } from 'zod';

/** The one error body every 4xx/5xx uses. `code` values are stable: clients branch on them. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
});

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

export const codeFor = (status: number) => CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');

/** Thrown by routes for an expected failure with a specific status and code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = codeFor(statusCode),
  ) {
    super(message);
  }
}
