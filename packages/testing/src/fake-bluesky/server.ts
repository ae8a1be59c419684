/**
 * A fake Bluesky on loopback: one server playing the PDS (sessions) and the AppView
 * (post search) over XRPC, with Bluesky's rate-limit headers and error bodies, so the real
 * `@atproto/api` client — session creation and refresh included — runs against it end to
 * end, validating every answer against its lexicons as it does against Bluesky.
 *
 *   const fb = await startFakeBluesky({ handle: 'care.acme.example', appPassword: 'app-pass' });
 *   fb.addPosts([{ text: 'thank you Acme Air' }]);
 *   fb.expireAccessTokens();   // the next search answers ExpiredToken, and the client refreshes
 *   fb.failNext({ status: 429, resetInSeconds: 2 });
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeBskyPost, type FakeBskyPostInput, PostStore } from './posts.js';
import { searchPosts, type XrpcOutcome } from './search.js';
import { type AccountCredentials, SessionStore } from './sessions.js';

export type BlueskyFault =
  /** RateLimitExceeded; `ratelimit-reset` (epoch seconds) is now + resetInSeconds (default 300). */
  | { status: 429; resetInSeconds?: number }
  /** An XRPC error body `{ error, message }` with this status. */
  | { status: 400 | 401 | 403 | 500 | 502 | 503 | 504; error?: string; message?: string }
  /** 200 with a JSON content type and a truncated body. */
  | { malformed: true }
  /** The socket is destroyed before any response. */
  | { dropConnection: true }
  /** The normal answer, sent after `delayMs`. */
  | { delayMs: number };

export interface BlueskyRequest {
  method: string;
  /** The XRPC method, e.g. `app.bsky.feed.searchPosts`. */
  nsid: string;
  query: Record<string, string>;
  authorization: string | undefined;
  status: number;
}

export interface FakeBlueskyOptions extends Partial<AccountCredentials> {
  /** Requests per window before an automatic 429 (Bluesky's AppView: 3000 per 5 minutes). */
  rateLimit?: number;
  rateWindowSeconds?: number;
  /** Search gives no cursor past this many hits: Bluesky may not page through a whole long result. */
  pageThrough?: number;
  /** Clock for rate windows, called once per request (benchmarks time the first request with it). */
  now?: () => number;
}

export interface FakeBluesky {
  /** Origin to pass as BLUESKY_SERVICE. */
  readonly url: string;
  readonly handle: string;
  readonly appPassword: string;
  readonly requests: BlueskyRequest[];
  addPosts(posts: readonly FakeBskyPostInput[]): FakeBskyPost[];
  readonly posts: readonly FakeBskyPost[];
  /** Queues a fault for the next searchPosts request; several calls queue several in order. */
  failNext(fault: BlueskyFault): void;
  expireAccessTokens(): void;
  revokeSessions(): void;
  revokeAppPassword(): void;
  /** Requests to one XRPC method. */
  calls(nsid: string): BlueskyRequest[];
  close(): Promise<void>;
}

const SEARCH = 'app.bsky.feed.searchPosts';

function send(res: ServerResponse, outcome: XrpcOutcome, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    return null;
  }
}

export async function startFakeBluesky(options: FakeBlueskyOptions = {}): Promise<FakeBluesky> {
  const handle = options.handle ?? 'care.acme.example';
  const appPassword = options.appPassword ?? 'abcd-efgh-ijkl-mnop';
  const now = options.now ?? Date.now;
  const limit = options.rateLimit ?? 3000;
  const windowMs = (options.rateWindowSeconds ?? 300) * 1000;
  let origin = '';
  const sessions = new SessionStore({ handle, appPassword }, () => origin);
  const posts = new PostStore();
  const faults: BlueskyFault[] = [];
  const requests: BlueskyRequest[] = [];
  let window = { resetMs: now() + windowMs, used: 0 };

  /** Bluesky's counters; every request to the search spends one. */
  function rateHeaders(spend: boolean): { headers: Record<string, string>; exhausted: boolean } {
    const at = now();
    if (at >= window.resetMs) window = { resetMs: at + windowMs, used: 0 };
    const exhausted = window.used >= limit;
    if (spend && !exhausted) window.used += 1;
    return {
      exhausted,
      headers: {
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': String(limit - window.used),
        'ratelimit-reset': String(Math.ceil(window.resetMs / 1000)),
        'ratelimit-policy': `${limit};w=${windowMs / 1000}`,
      },
    };
  }

  async function answer(req: IncomingMessage, nsid: string, params: URLSearchParams): Promise<XrpcOutcome> {
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (req.method === 'POST' && nsid === 'com.atproto.server.createSession')
      return sessions.create(await readJson(req));
    if (req.method === 'POST' && nsid === 'com.atproto.server.refreshSession') return sessions.refreshWith(bearer);
    const refused = sessions.checkAccess(bearer);
    if (nsid === 'com.atproto.server.getSession') return refused ?? { status: 200, body: sessions.describe() };
    if (nsid === SEARCH) return refused ?? searchPosts(params, posts, options.pageThrough);
    return { status: 501, body: { error: 'MethodNotImplemented', message: `Method Not Implemented: ${nsid}` } };
  }

  function fault(res: ServerResponse, f: Exclude<BlueskyFault, { delayMs: number }>, headers: Record<string, string>) {
    if ('dropConnection' in f) return res.socket?.destroy();
    if ('malformed' in f) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return res.end('{"posts":[{"uri":"at://cut');
    }
    if (f.status === 429) {
      const reset = String(Math.ceil(now() / 1000) + (f.resetInSeconds ?? 300));
      const limited = { ...headers, 'ratelimit-remaining': '0', 'ratelimit-reset': reset };
      return send(res, { status: 429, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' } }, limited);
    }
    const error = f.error ?? (f.status >= 500 ? 'InternalServerError' : 'InvalidRequest');
    send(res, { status: f.status, body: { error, message: f.message ?? error } }, headers);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-bluesky.local');
    const nsid = url.pathname.replace(/^\/xrpc\//, '');
    const record: BlueskyRequest = {
      method: req.method ?? 'GET',
      nsid,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(record);
    const rate = rateHeaders(nsid === SEARCH);
    const next = nsid === SEARCH ? faults.shift() : undefined;
    if (next && 'delayMs' in next) await new Promise((r) => setTimeout(r, next.delayMs));
    if (res.destroyed) return;
    if (next && !('delayMs' in next)) {
      record.status = 'status' in next ? next.status : 'malformed' in next ? 200 : 0;
      fault(res, next, rate.headers);
      return;
    }
    if (rate.exhausted) {
      record.status = 429;
      fault(res, { status: 429, resetInSeconds: Math.ceil((window.resetMs - now()) / 1000) }, rate.headers);
      return;
    }
    const outcome = await answer(req, nsid, url.searchParams);
    record.status = outcome.status;
    send(res, outcome, nsid === SEARCH ? rate.headers : {});
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    handle,
    appPassword,
    requests,
    addPosts: (input) => posts.add(input),
    get posts() {
      return posts.all();
    },
    failNext: (f) => {
      faults.push(f);
    },
    expireAccessTokens: () => sessions.expireAccessTokens(),
    revokeSessions: () => sessions.revokeSessions(),
    revokeAppPassword: () => sessions.revokeAppPassword(),
    calls: (nsid) => requests.filter((r) => r.nsid === nsid),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
