import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, RefusedTargetError, refusedReason } from './address-policy.js';

/** Enough of a receiver's answer to explain a failure in the delivery log. */
const BODY_LIMIT = 4096;

export interface PostResult {
  status: number;
  headers: IncomingHttpHeaders;
  /** The first BODY_LIMIT bytes of the answer, as text. */
  body: string;
  latencyMs: number;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

export interface WebhookHttp {
  post(url: string, body: string, headers: Record<string, string>): Promise<PostResult>;
  close(): void;
}

/**
 * POSTs with node:http(s) rather than fetch, for control over the socket: every new
 * connection goes through `guardedLookup` (so the address is checked when connecting, not
 * when the URL was saved), redirects are never followed (a 3xx is just an answer), the
 * whole exchange has one deadline, and at most BODY_LIMIT bytes of the answer are read.
 * Connections are kept alive per host, which matters at hundreds of deliveries a second.
 */
export function createWebhookHttp(opts: PostOptions): WebhookHttp {
  const lookup = opts.allowPrivate ? undefined : guardedLookup;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  return {
    post(url, body, headers) {
      const target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        return Promise.reject(new RefusedTargetError(`refused target: ${target.protocol} is not http(s)`));
      // Sockets skip `lookup` for IP literals, so those are checked here.
      const host = target.hostname.replace(/^\[|\]$/g, '');
      const literal = isIP(host) ? refusedReason(host) : undefined;
      if (literal && !opts.allowPrivate)
        return Promise.reject(new RefusedTargetError(`refused target: ${host} is ${literal}`));
      const client = target.protocol === 'https:' ? https : http;
      const started = performance.now();
      return new Promise<PostResult>((resolve, reject) => {
        const req = client.request(target, {
          method: 'POST',
          agent: agents[target.protocol as 'http:' | 'https:'],
          lookup,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        });
        const timer = setTimeout(() => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
        const fail = (err: Error) => {
          clearTimeout(timer);
          reject(err);
        };
        req.on('error', fail);
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const done = () => {
            clearTimeout(timer);
            const latencyMs = Math.round(performance.now() - started);
            const text = Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, latencyMs });
          };
          res.on('data', (c: Buffer) => {
            chunks.push(c);
            size += c.length;
            // Enough read: drop the rest (and this connection) rather than buffer a huge answer.
            if (size >= BODY_LIMIT) {
              res.destroy();
              done();
            }
          });
          res.on('end', done);
          res.on('error', fail);
        });
        req.end(body);
      });
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
