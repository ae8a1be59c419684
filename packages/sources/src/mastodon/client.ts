/**
 * The two GET requests the adapter makes, on Node's own fetch. Not `masto`: its 8.x needs
 * Node 22, and 7.12 (which runs on 20) turns an error answer that is not JSON — a proxy's
 * HTML 502, a plain-text 429 — into a TypeError or a status-less error, which would lose
 * the reset time of a rate limit; and a poller needs the headers of every answer (Link,
 * X-RateLimit-*), which it hides. The bodies are checked with zod either way.
 */
import type { SourceRateLimit } from '../adapter.js';
import { describeBody, mastodonError, parseReset } from './errors.js';

export interface MastodonClientOptions {
  /** The instance's origin (a path prefix is kept). */
  base: URL;
  accessToken?: string;
  timeoutMs: number;
  now: () => number;
}

export interface MastodonAnswer {
  body: unknown;
  headers: Headers;
  rateLimit?: SourceRateLimit;
}

/** Parses and checks the instance URL once, so a typo fails at start, not on every poll. */
export function parseInstanceUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Mastodon URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Mastodon URL must be http:// or https://, got ${parsed.protocol}`);
  }
  if (parsed.search || parsed.hash) throw new Error('Mastodon URL must not have a query or fragment');
  return parsed;
}

function rateLimitOf(headers: Headers): SourceRateLimit | undefined {
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
  const resetAt = parseReset(headers.get('x-ratelimit-reset'));
  return Number.isFinite(remaining) && resetAt !== undefined ? { remaining, resetAt } : undefined;
}

function failure(error: unknown, timeoutMs: number): Error {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new Error(`Mastodon request failed: no answer within ${timeoutMs} ms`);
  }
  // undici reports "fetch failed" and puts the socket error in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return new Error(`Mastodon request failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
    cause: error,
  });
}

/** GET `path` with `params`; throws the error the poller acts on (see errors.ts). */
export async function mastodonGet(
  options: MastodonClientOptions,
  path: string,
  params: [string, string][],
  signal?: AbortSignal,
): Promise<MastodonAnswer> {
  const prefix = options.base.pathname.replace(/\/+$/, '');
  const url = new URL(`${options.base.origin}${prefix}${path}`);
  for (const [name, value] of params) url.searchParams.append(name, value);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: {
        accept: 'application/json',
        ...(options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {}),
      },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw failure(error, options.timeoutMs);
  }
  if (response.status !== 200) {
    const message = describeBody(response.status, response.headers.get('content-type'), text);
    throw mastodonError(response.status, message, response.headers, options.now());
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Mastodon sent an unreadable response: ${text.slice(0, 80)}`);
  }
  const rateLimit = rateLimitOf(response.headers);
  return { body, headers: response.headers, ...(rateLimit ? { rateLimit } : {}) };
}
