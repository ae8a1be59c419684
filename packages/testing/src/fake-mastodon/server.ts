/**
 * A fake Mastodon instance on loopback: a real HTTP server speaking the REST API's wire
 * format (the two endpoints a listening client reads), its rate-limit headers and its
 * errors, so the adapter's own HTTP client is exercised end to end.
 *
 *   const fm = await startFakeMastodon({ accessToken: 'tok' });
 *   fm.addStatuses([{ text: 'thank you #AcmeAir' }]);
 *   fm.failNext({ status: 429, resetInSeconds: 2 });
 *   new MastodonSourceAdapter({ url: fm.url, accessToken: 'tok' });
 *   expect(fm.requests[0]?.query.min_id).toBe('…');
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
import { sendJson } from '../fake-http/responses.js';
import { type MastodonFault, resetHeader, sendMastodonFault } from './faults.js';
import { searchStatuses } from './search.js';
import { type FakeStatus, type FakeStatusInput, StatusStore } from './statuses.js';
import { type Outcome, tagTimeline } from './timeline.js';

export interface MastodonRequest extends RecordedRequest {
  /** The `any[]` values, which `query` holds only the last of. */
  any: string[];
}

/** The rate window defaults to Mastodon's 300 requests per 5 minutes per client. */
export interface FakeMastodonOptions extends FakeRateOptions {
  /** When set, any other bearer token gets a 401; requests without one are anonymous. */
  accessToken?: string;
}

/**
 * Its `url` is what MASTODON_URL names. `duplicateBoundaryOnce`: the next page that starts
 * after a status (`min_id`, or an `offset`) also carries that status.
 */
export interface FakeMastodon extends FakeServer<MastodonRequest, MastodonFault>, OverlappingPages {
  /** Adds statuses (kept newest first by id) and returns them with ids. */
  addStatuses(statuses: readonly FakeStatusInput[]): FakeStatus[];
  readonly statuses: readonly FakeStatus[];
  /** Requests to the timeline and search paths. */
  apiRequests(): MastodonRequest[];
}

const TAG_PATH = /^\/api\/v1\/timelines\/tag\/([^/]+)$/;
const SEARCH_PATH = '/api/v2/search';

export async function startFakeMastodon(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const now = options.now ?? Date.now;
  const rateWindow = new RateWindow({
    limit: options.rateLimit ?? 300,
    windowMs: (options.rateWindowSeconds ?? 300) * 1000,
    now,
    headers: ({ limit, remaining, resetMs }) => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': resetHeader(resetMs),
    }),
  });
  let origin = '';
  const store = new StatusStore(() => origin);
  const faults: MastodonFault[] = [];
  const requests: MastodonRequest[] = [];
  let duplicateBoundary = false;

  /** Rewrites the query so the page overlaps its predecessor by one status. */
  function overlap(params: URLSearchParams): boolean {
    const minId = params.get('min_id');
    const offset = Number(params.get('offset') ?? '0');
    if (minId && /^\d+$/.test(minId)) params.set('min_id', String(BigInt(minId) - 1n));
    else if (offset > 0) params.set('offset', String(offset - 1));
    else return false;
    return true;
  }

  function route(req: IncomingMessage, url: URL, signedIn: boolean): Outcome {
    const tag = TAG_PATH.exec(url.pathname);
    if (req.method === 'GET' && (tag || url.pathname === SEARCH_PATH)) {
      const params = new URLSearchParams(url.searchParams);
      if (duplicateBoundary && overlap(params)) duplicateBoundary = false;
      return tag
        ? tagTimeline(decodeURIComponent(tag[1] ?? ''), params, store, origin)
        : searchStatuses(params, store, origin, signedIn);
    }
    return { status: 404, body: { error: 'Record not found' } };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake-mastodon.local');
    const record: MastodonRequest = { ...recordRequest(req, url), any: url.searchParams.getAll('any[]') };
    requests.push(record);
    const token = bearerToken(req);
    if (
      req.headers.authorization !== undefined &&
      (token === undefined || (options.accessToken && token !== options.accessToken))
    ) {
      record.status = 401;
      sendJson(res, 401, { error: 'The access token is invalid' });
      return;
    }
    const rate = rateWindow.spend();
    const respond = () => {
      if (rate.exhausted) {
        record.status = 429;
        sendMastodonFault(res, { status: 429, resetInSeconds: (rate.resetMs - now()) / 1000 }, rate.headers, now());
        return;
      }
      const outcome = route(req, url, token !== undefined);
      record.status = outcome.status;
      sendJson(res, outcome.status, outcome.body, { ...rate.headers, ...outcome.headers });
    };
    answerOrFail(res, record, faults.shift(), respond, (fault) => sendMastodonFault(res, fault, rate.headers, now()));
  }

  const server = await listenOnLoopback(handle);
  origin = server.origin;

  return {
    ...fakeServerMembers(server, requests, faults),
    addStatuses: (statuses) => store.add(statuses),
    get statuses() {
      return store.all();
    },
    duplicateBoundaryOnce: () => {
      duplicateBoundary = true;
    },
    apiRequests: () => requests.filter((r) => TAG_PATH.test(r.path) || r.path === SEARCH_PATH),
  };
}
