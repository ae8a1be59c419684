/**
 * A fake X API v2 on loopback: a real HTTP server that the real twitter-api-v2 client
 * talks to, so tests exercise the wire format, headers and error paths end to end.
 *
 *   const fx = await startFakeX();
 *   fx.addTweets([{ text: 'love @AcmeAir' }]);
 *   fx.failNext({ status: 429, resetInSeconds: 2 });
 *   new XSourceAdapter({ bearerToken: 'test', baseUrl: fx.url });
 *   expect(fx.requests[0]?.query.since_id).toBe('…');
 *   await fx.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendFault, sendJson, type XFault } from './faults.js';
import { searchRecent } from './search.js';
import { type FakeTweet, type FakeTweetInput, TweetStore } from './tweets.js';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Query parameters as the server received them (single values). */
  query: Record<string, string>;
  /** The raw `authorization` header, e.g. `Bearer test-token`. */
  authorization: string | undefined;
  /** The status the fake answered with (0 for a dropped connection). */
  status: number;
}

export interface FakeXOptions {
  /** When set, any other bearer token gets X's 401. Default: any bearer token is accepted. */
  bearerToken?: string;
  /** Requests per window before an automatic 429 (X: 450 per 15 min for app-only search). */
  rateLimit?: number;
  rateWindowSeconds?: number;
  /** Clock for start_time checks and rate windows; tests may freeze or move it. */
  now?: () => number;
}

export interface FakeX {
  /** Origin to pass as the adapter's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Adds tweets (newest-first order is kept by id) and returns them with ids and authors. */
  addTweets(tweets: readonly FakeTweetInput[]): FakeTweet[];
  readonly tweets: readonly FakeTweet[];
  /** Queues a fault for the next request; several calls queue several faults in order. */
  failNext(fault: XFault): void;
  /** The next page that has a `next_token` makes the following page repeat its last tweet. */
  duplicateBoundaryOnce(): void;
  /** The next search answers with no tweets but a next_token to the same position. */
  emptyPageOnce(): void;
  /** Requests to the recent-search path (leaves out 404s for other paths). */
  searchRequests(): RecordedRequest[];
  close(): Promise<void>;
}

const SEARCH_PATH = '/2/tweets/search/recent';

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const now = options.now ?? Date.now;
  const limit = options.rateLimit ?? 450;
  const windowMs = (options.rateWindowSeconds ?? 900) * 1000;
  const store = new TweetStore();
  const faults: XFault[] = [];
  const requests: RecordedRequest[] = [];
  let duplicateBoundary = false;
  let emptyPage = false;
  let window = { resetMs: now() + windowMs, used: 0 };

  /** X's per-window counters; every answered request spends one. */
  function spendRateLimit(): { headers: Record<string, string>; exhausted: boolean } {
    if (now() >= window.resetMs) window = { resetMs: now() + windowMs, used: 0 };
    const exhausted = window.used >= limit;
    if (!exhausted) window.used += 1;
    return {
      exhausted,
      headers: {
        'x-rate-limit-limit': String(limit),
        'x-rate-limit-remaining': String(limit - window.used),
        'x-rate-limit-reset': String(Math.ceil(window.resetMs / 1000)),
      },
    };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake-x.local');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      sendJson(res, status, body, headers);
    };

    if (req.method !== 'GET' || url.pathname !== SEARCH_PATH) {
      answer(404, {
        title: 'Not Found Error',
        detail: `No route for ${url.pathname}`,
        type: 'about:blank',
        status: 404,
      });
      return;
    }
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    if (token === null || (options.bearerToken !== undefined && token !== options.bearerToken)) {
      answer(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      return;
    }
    const rate = spendRateLimit();
    const respond = () => {
      if (rate.exhausted) {
        record.status = 429;
        const resetInSeconds = Math.ceil((window.resetMs - now()) / 1000);
        sendFault(res, { status: 429, resetInSeconds }, rate.headers, now());
        return;
      }
      const outcome = searchRecent(url.searchParams, store, { duplicateBoundary, emptyPage, now: now() });
      emptyPage = false;
      const body = outcome.body as { meta?: { next_token?: string } };
      if (duplicateBoundary && body.meta?.next_token) duplicateBoundary = false;
      answer(outcome.status, outcome.body, rate.headers);
    };
    const fault = faults.shift();
    if (!fault) {
      respond();
    } else if ('delayMs' in fault) {
      const timer = setTimeout(() => {
        if (!res.destroyed) respond();
      }, fault.delayMs);
      res.once('close', () => clearTimeout(timer));
    } else {
      record.status = 'status' in fault ? fault.status : 'malformed' in fault ? 200 : 0;
      sendFault(res, fault, rate.headers, now());
    }
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addTweets: (tweets) => store.add(tweets),
    get tweets() {
      return store.all();
    },
    failNext: (fault) => {
      faults.push(fault);
    },
    duplicateBoundaryOnce: () => {
      duplicateBoundary = true;
    },
    emptyPageOnce: () => {
      emptyPage = true;
    },
    searchRequests: () => requests.filter((r) => r.path === SEARCH_PATH),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
