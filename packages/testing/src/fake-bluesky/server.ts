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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type FakeRateOptions, type FakeServer, fakeServerMembers } from '../fake-http/fake-server.js';
import { answerOrFail, sendTransportFault, type TransportFault } from '../fake-http/faults.js';
import { listenOnLoopback } from '../fake-http/loopback.js';
import { RateWindow } from '../fake-http/rate-window.js';
import { type RecordedRequest, recordRequest } from '../fake-http/requests.js';
import { sendJson } from '../fake-http/responses.js';
import { type FakeBskyPost, type FakeBskyPostInput, PostStore } from './posts.js';
import { searchPosts, type XrpcOutcome } from './search.js';
import { type AccountCredentials, SessionStore } from './sessions.js';

export type BlueskyFault =
  /** RateLimitExceeded; `ratelimit-reset` (epoch seconds) is now + resetInSeconds (default 300). */
  | { status: 429; resetInSeconds?: number }
  /** An XRPC error body `{ error, message }` with this status. */
  | { status: 400 | 401 | 403 | 500 | 502 | 503 | 504; error?: string; message?: string }
  | TransportFault;

export interface BlueskyRequest extends RecordedRequest {
  /** The XRPC method, e.g. `app.bsky.feed.searchPosts`. */
  nsid: string;
}

/**
 * The rate window defaults to Bluesky's AppView, 3000 requests per 5 minutes; `now` is
 * called once per request (benchmarks time the first request with it).
 */
export interface FakeBlueskyOptions extends Partial<AccountCredentials>, FakeRateOptions {
  /** Search gives no cursor past this many hits: Bluesky may not page through a whole long result. */
  pageThrough?: number;
}

/** Its `url` is what BLUESKY_SERVICE names; faults apply to searchPosts requests only. */
export interface FakeBluesky extends FakeServer<BlueskyRequest, BlueskyFault> {
  readonly handle: string;
  readonly appPassword: string;
  addPosts(posts: readonly FakeBskyPostInput[]): FakeBskyPost[];
  readonly posts: readonly FakeBskyPost[];
  expireAccessTokens(): void;
  revokeSessions(): void;
  revokeAppPassword(): void;
  /** Requests to one XRPC method. */
  calls(nsid: string): BlueskyRequest[];
}

const SEARCH = 'app.bsky.feed.searchPosts';

function send(res: ServerResponse, outcome: XrpcOutcome, headers: Record<string, string> = {}): void {
  sendJson(res, outcome.status, outcome.body, headers);
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
  const windowSeconds = options.rateWindowSeconds ?? 300;
  /** Bluesky's counters; every request to the search spends one. */
  const rateWindow = new RateWindow({
    limit: options.rateLimit ?? 3000,
    windowMs: windowSeconds * 1000,
    now,
    headers: ({ limit, remaining, resetMs }) => ({
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
      'ratelimit-policy': `${limit};w=${windowSeconds}`,
    }),
  });
  let origin = '';
  const sessions = new SessionStore({ handle, appPassword }, () => origin);
  const posts = new PostStore();
  const faults: BlueskyFault[] = [];
  const requests: BlueskyRequest[] = [];

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
    if (sendTransportFault(res, f, '{"posts":[{"uri":"at://cut')) return;
    if (f.status === 429) {
      const reset = String(Math.ceil(now() / 1000) + (f.resetInSeconds ?? 300));
      const limited = { ...headers, 'ratelimit-remaining': '0', 'ratelimit-reset': reset };
      return send(res, { status: 429, body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' } }, limited);
    }
    const error = f.error ?? (f.status >= 500 ? 'InternalServerError' : 'InvalidRequest');
    send(res, { status: f.status, body: { error, message: f.message ?? error } }, headers);
  }

  function serve(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake-bluesky.local');
    const nsid = url.pathname.replace(/^\/xrpc\//, '');
    const record: BlueskyRequest = { ...recordRequest(req, url), nsid };
    requests.push(record);
    const rate = rateWindow.spend(nsid === SEARCH);
    const respond = async () => {
      if (rate.exhausted) {
        record.status = 429;
        fault(res, { status: 429, resetInSeconds: Math.ceil((rate.resetMs - now()) / 1000) }, rate.headers);
        return;
      }
      const outcome = await answer(req, nsid, url.searchParams);
      record.status = outcome.status;
      send(res, outcome, nsid === SEARCH ? rate.headers : {});
    };
    const next = nsid === SEARCH ? faults.shift() : undefined;
    answerOrFail(
      res,
      record,
      next,
      () => void respond().catch(() => res.destroy()),
      (f) => fault(res, f, rate.headers),
    );
  }

  const server = await listenOnLoopback(serve);
  origin = server.origin;

  return {
    ...fakeServerMembers(server, requests, faults),
    handle,
    appPassword,
    addPosts: (input) => posts.add(input),
    get posts() {
      return posts.all();
    },
    expireAccessTokens: () => sessions.expireAccessTokens(),
    revokeSessions: () => sessions.revokeSessions(),
    revokeAppPassword: () => sessions.revokeAppPassword(),
    calls: (nsid) => requests.filter((r) => r.nsid === nsid),
  };
}
