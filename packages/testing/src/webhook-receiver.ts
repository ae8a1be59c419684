import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  at: number;
  /** The status this receiver answered (or was about to, for a request cut off). */
  status: number;
}

/** How to answer one request. */
export interface ReceiverReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (slow receivers, timeouts). */
  delayMs?: number;
}

export interface WebhookReceiver {
  url: string;
  /** POSTs answered with a 2xx: what the receiver accepted. */
  received: ReceivedHook[];
  /** Every request, whatever the answer, in arrival order. */
  requests: ReceivedHook[];
  /** Answers the next `count` requests with `status` (e.g. 500), then 200 again. */
  failNext(count: number, status: number): void;
  /** Answers the next `count` requests as described, then as the default again. */
  replyNext(count: number, reply: ReceiverReply): void;
  /** How requests are answered when nothing is queued (200 by default). */
  setDefault(reply: ReceiverReply): void;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback that records every request it gets. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  const requests: ReceivedHook[] = [];
  const queued: ReceiverReply[] = [];
  let fallback: ReceiverReply = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = queued.shift() ?? fallback;
      const status = reply.status ?? 200;
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const hook = { headers: req.headers, body, json, at: Date.now(), status };
      requests.push(hook);
      if (status < 300) received.push(hook);
      const answer = () => {
        if (res.destroyed) return;
        res
          .writeHead(status, { 'content-type': 'text/plain', ...reply.headers })
          .end(reply.body ?? (status < 300 ? 'ok' : 'nope'));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    requests,
    failNext(count, status) {
      for (let i = 0; i < count; i++) queued.push({ status });
    },
    replyNext(count, reply) {
      for (let i = 0; i < count; i++) queued.push(reply);
    },
    setDefault(reply) {
      fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
