/**
 * Scriptable failures of the fake X API, each answered the way X answers it (status,
 * problem+json body, rate-limit headers), so the real twitter-api-v2 client raises the
 * same error types it raises against X.
 */
import type { ServerResponse } from 'node:http';
import { sendTransportFault, type TransportFault } from '../fake-http/faults.js';
import { sendJson } from '../fake-http/responses.js';

export type XFault =
  /** Too Many Requests; `x-rate-limit-reset` is now + resetInSeconds (default 900). */
  | { status: 429; resetInSeconds?: number }
  /** Credentials refused; `detail` overrides X's default message. */
  | { status: 401 | 403; title?: string; detail?: string }
  /** X having a bad moment. */
  | { status: 500 | 502 | 503 | 504 }
  | TransportFault;

const TITLES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** X answers errors as problem+json. */
export function sendXJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, body, headers, status >= 400 ? 'application/problem+json' : undefined);
}

/**
 * Answers `res` with the fault. `rateHeaders` are the limiter's current headers; a 429
 * overrides remaining and reset, as X does when the window is exhausted.
 */
export function sendFault(
  res: ServerResponse,
  fault: Exclude<XFault, { delayMs: number }>,
  rateHeaders: Record<string, string>,
  nowMs: number,
): void {
  if (sendTransportFault(res, fault, '{"data":[{"id":"1","text":"cut off', rateHeaders)) return;
  const title = ('title' in fault && fault.title) || TITLES[fault.status] || 'Error';
  const detail = ('detail' in fault && fault.detail) || title;
  const headers = { ...rateHeaders };
  if (fault.status === 429) {
    headers['x-rate-limit-remaining'] = '0';
    headers['x-rate-limit-reset'] = String(Math.ceil(nowMs / 1000) + (fault.resetInSeconds ?? 900));
  }
  sendXJson(res, fault.status, { title, detail, type: 'about:blank', status: fault.status }, headers);
}
