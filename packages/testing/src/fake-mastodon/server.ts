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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MastodonFault, resetHeader, sendJson, sendMastodonFault } from './faults.js';
import { searchStatuses } from './search.js';
import { type FakeStatus, type FakeStatusInput, StatusStore } from './statuses.js';
import { type Outcome, tagTimeline } from './timeline.js';

export interface MastodonRequest {
  method: string;
  path: string;
  /** Query parameters (the last value of each); `any[]` values are in `any`. */
  query: Record<string, string>;
  any: string[];
  authorization: string | undefined;
  /** The status the fake answered with (0 for a dropped connection). */
  status: number;
}

export interface FakeMastodonOptions {
  /** When set, any other bearer token gets a 401; requests without one are anonymous. */
  accessToken?: string;
  /** Requests per window per client before an automatic 429 (Mastodon: 300 per 5 minutes). */
  rateLimit?: number;
  rateWindowSeconds?: number;
  now?: () => number;
}

export interface FakeMastodon {
  /** Origin to pass as MASTODON_URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly requests: MastodonRequest[];
  /** Adds statuses (kept newest first by id) and returns them with ids. */
  addStatuses(statuses: readonly FakeStatusInput[]): FakeStatus[];
  readonly statuses: readonly FakeStatus[];
  /** Queues a fault for the next request; several calls queue several in order. */
  failNext(fault: MastodonFault): void;
  /** The next page that starts after a status (`min_id`, or an `offset`) also carries that status. */
  duplicateBoundaryOnce(): void;
  /** Requests to the timeline and search paths. */
  apiRequests(): MastodonRequest[];
  close(): Promise<void>;
}

const TAG_PATH = /^\/api\/v1\/timelines\/tag\/([^/]+)$/;
const SEARCH_PATH = '/api/v2/search';

export async function startFakeMastodon(options: FakeMastodonOptions = {}): Promise<FakeMastodon> {
  const now = options.now ?? Date.now;
  const limit = options.rateLimit ?? 300;
  const windowMs = (options.rateWindowSeconds ?? 300) * 1000;
  let origin = '';
  const store = new StatusStore(() => origin);
  const faults: MastodonFault[] = [];
  const requests: MastodonRequest[] = [];
  let duplicateBoundary = false;
  let window = { resetMs: now() + windowMs, used: 0 };

  function spendRateLimit(): { headers: Record<string, string>; exhausted: boolean } {
    if (now() >= window.resetMs) window = { resetMs: now() + windowMs, used: 0 };
    const exhausted = window.used >= limit;
    if (!exhausted) window.used += 1;
    return {
      exhausted,
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(limit - window.used),
        'x-ratelimit-reset': resetHeader(window.resetMs),
      },
    };
  }

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
    const record: MastodonRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      any: url.searchParams.getAll('any[]'),
      authorization: req.headers.authorization,
      status: 0,
    };
    requests.push(record);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (auth !== undefined && (token === undefined || (options.accessToken && token !== options.accessToken))) {
      record.status = 401;
      sendJson(res, 401, { error: 'The access token is invalid' });
      return;
    }
    const rate = spendRateLimit();
    const respond = () => {
      if (rate.exhausted) {
        record.status = 429;
        sendMastodonFault(res, { status: 429, resetInSeconds: (window.resetMs - now()) / 1000 }, rate.headers, now());
        return;
      }
      const outcome = route(req, url, token !== undefined);
      record.status = outcome.status;
      sendJson(res, outcome.status, outcome.body, { ...rate.headers, ...outcome.headers });
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
      sendMastodonFault(res, fault, rate.headers, now());
    }
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    addStatuses: (statuses) => store.add(statuses),
    get statuses() {
      return store.all();
    },
    failNext: (fault) => {
      faults.push(fault);
    },
    duplicateBoundaryOnce: () => {
      duplicateBoundary = true;
    },
    apiRequests: () => requests.filter((r) => TAG_PATH.test(r.path) || r.path === SEARCH_PATH),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
