/**
 * Scriptable failures of the fake Mastodon, each answered the way an instance (or the proxy
 * in front of it) answers: Mastodon's own errors are JSON `{ "error": "…" }`; a proxy's 5xx
 * is an HTML page.
 */
import type { ServerResponse } from 'node:http';
import { sendTransportFault, type TransportFault } from '../fake-http/faults.js';
import { sendJson } from '../fake-http/responses.js';

export type MastodonFault =
  /** Too Many Requests; `X-RateLimit-Reset` is now + resetInSeconds (default 300). */
  | { status: 429; resetInSeconds?: number }
  /** Mastodon refusing: 401 bad token, 403 forbidden, 404 no such path, 422 needs a user. */
  | { status: 401 | 403 | 404 | 410 | 422; error?: string }
  /** A bad moment; `html` answers like nginx in front of a stopped Puma. */
  | { status: 500 | 502 | 503 | 504; html?: boolean }
  | TransportFault;

const MESSAGES: Record<number, string> = {
  401: 'The access token is invalid',
  403: 'This action is not allowed',
  404: 'Record not found',
  410: 'Gone',
  422: 'This method requires an authenticated user',
  429: 'Too many requests',
  500: 'We’re sorry, but something went wrong on our end.',
};

/** Mastodon's rate-limit reset: an ISO 8601 time with microseconds. */
export const resetHeader = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

export function sendMastodonFault(
  res: ServerResponse,
  fault: Exclude<MastodonFault, { delayMs: number }>,
  rateHeaders: Record<string, string>,
  nowMs: number,
): void {
  if (sendTransportFault(res, fault, '[{"id":"1","content":"<p>cut off', rateHeaders)) return;
  if ('html' in fault && fault.html) {
    const page = `<html><head><title>${fault.status} Bad Gateway</title></head><body><center><h1>${fault.status}</h1></center><hr><center>nginx</center></body></html>`;
    res.writeHead(fault.status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(page) });
    res.end(page);
    return;
  }
  const headers = { ...rateHeaders };
  if (fault.status === 429) {
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset'] = resetHeader(nowMs + (fault.resetInSeconds ?? 300) * 1000);
  }
  const message = ('error' in fault && fault.error) || MESSAGES[fault.status] || MESSAGES[500];
  sendJson(res, fault.status, { error: message }, headers);
}
