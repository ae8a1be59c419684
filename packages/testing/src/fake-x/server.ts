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
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type FakeRateOptions,
  type FakeServer,
  fakeServerMembers,
  type OverlappingPages,
} from '../fake-http/fake-server.js';
import { answerOrFail } from '../fake-http/faults.js';
import { listenOnLoopback } from '../fake-http/loopback.js';
import { RateWindow } from '../fake-http/rate-window.js';
import { bearerToken, type RecordedRequest, recordRequest } from '../fake-http/requests.js';
import { sendFault, sendXJson, type XFault } from './faults.js';
import { searchRecent } from './search.js';
import { type FakeTweet, type FakeTweetInput, TweetStore } from './tweets.js';

export type { RecordedRequest };

/** The rate window defaults to X's 450 requests per 15 minutes for app-only search; `now` also dates start_time checks. */
export interface FakeXOptions extends FakeRateOptions {
  /** When set, any other bearer token gets X's 401. Default: any bearer token is accepted. */
  bearerToken?: string;
}

/** `duplicateBoundaryOnce`: the next page that has a `next_token` makes the following page repeat its last tweet. */
export interface FakeX extends FakeServer<RecordedRequest, XFault>, OverlappingPages {
  /** Adds tweets (newest-first order is kept by id) and returns them with ids and authors. */
  addTweets(tweets: readonly FakeTweetInput[]): FakeTweet[];
  readonly tweets: readonly FakeTweet[];
  /** The next search answers with no tweets but a next_token to the same position. */
  emptyPageOnce(): void;
  /** Requests to the recent-search path (leaves out 404s for other paths). */
  searchRequests(): RecordedRequest[];
}

const SEARCH_PATH = '/2/tweets/search/recent';

export async function startFakeX(options: FakeXOptions = {}): Promise<FakeX> {
  const now = options.now ?? Date.now;
  /** X's per-window counters; every answered request spends one. */
  const rateWindow = new RateWindow({
    limit: options.rateLimit ?? 450,
    windowMs: (options.rateWindowSeconds ?? 900) * 1000,
    now,
    headers: ({ limit, remaining, resetMs }) => ({
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(Math.ceil(resetMs / 1000)),
    }),
  });
  const store = new TweetStore();
  const faults: XFault[] = [];
  const requests: RecordedRequest[] = [];
  let duplicateBoundary = false;
  let emptyPage = false;

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake-x.local');
    const record = recordRequest(req, url);
    requests.push(record);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      sendXJson(res, status, body, headers);
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
    const token = bearerToken(req);
    if (token === undefined || (options.bearerToken !== undefined && token !== options.bearerToken)) {
      answer(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      return;
    }
    const rate = rateWindow.spend();
    const respond = () => {
      if (rate.exhausted) {
        record.status = 429;
        const resetInSeconds = Math.ceil((rate.resetMs - now()) / 1000);
        sendFault(res, { status: 429, resetInSeconds }, rate.headers, now());
        return;
      }
      const outcome = searchRecent(url.searchParams, store, { duplicateBoundary, emptyPage, now: now() });
      emptyPage = false;
      const body = outcome.body as { meta?: { next_token?: string } };
      if (duplicateBoundary && body.meta?.next_token) duplicateBoundary = false;
      answer(outcome.status, outcome.body, rate.headers);
    };
    answerOrFail(res, record, faults.shift(), respond, (fault) => sendFault(res, fault, rate.headers, now()));
  }

  const server = await listenOnLoopback(handle);
  return {
    ...fakeServerMembers(server, requests, faults),
    addTweets: (tweets) => store.add(tweets),
    get tweets() {
      return store.all();
    },
    duplicateBoundaryOnce: () => {
      duplicateBoundary = true;
    },
    emptyPageOnce: () => {
      emptyPage = true;
    },
    searchRequests: () => requests.filter((r) => r.path === SEARCH_PATH),
  };
}
