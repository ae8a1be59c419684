/**
 * Turns `@atproto/api` failures into what the poller acts on:
 * - 429 → SourceRateLimitedError, resuming at `ratelimit-reset` (epoch seconds);
 * - 401/403, and refusals to sign in (`AuthenticationRequired`, `AccountTakedown`, …) →
 *   SourceAuthError with Bluesky's words: the query is marked failing;
 * - 400 on the search itself (`InvalidRequest`, `BadQueryString`) → SourceQueryError;
 * - 5xx, network errors, timeouts, answers that fail the lexicon → a plain Error, retried.
 */
import { XRPCError } from '@atproto/api';
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';

/** When a 429 carries no readable reset, wait one full 5-minute window. */
const FALLBACK_RESET_MS = 5 * 60_000;
/** XRPC's codes for a transport failure and an answer that failed the lexicon. */
const UNKNOWN = 1;
const INVALID_RESPONSE = 2;

function resetAt(headers: Record<string, string | undefined> | undefined, now: number): number {
  const seconds = Number(headers?.['ratelimit-reset'] ?? Number.NaN);
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(seconds * 1000, now) : now + FALLBACK_RESET_MS;
}

/** The network error under an XRPC transport failure (undici puts the socket error in `cause`). */
function transportCause(error: XRPCError): string {
  let cause: unknown = error.cause;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  if (cause instanceof DOMException && cause.name === 'TimeoutError') return 'no answer in time';
  return cause instanceof Error ? cause.message : error.message;
}

/**
 * Maps any error met while talking to Bluesky; returns what the adapter should throw.
 * `refusal` prefixes an authentication refusal (e.g. "Bluesky refused to sign in as …").
 */
export function toSourceError(error: unknown, signal?: AbortSignal, refusal?: string): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (!(error instanceof XRPCError)) return error;
  const said = error.message && error.message !== error.error ? `${error.error}: ${error.message}` : error.error;
  const code = Number(error.status);
  if (code === 429) {
    const at = resetAt(error.headers, Date.now());
    return new SourceRateLimitedError(`Bluesky rate limit reached; resets at ${new Date(at).toISOString()}`, at);
  }
  if (code === UNKNOWN) return new Error(`Bluesky request failed: ${transportCause(error)}`, { cause: error });
  if (code === INVALID_RESPONSE)
    return new Error(`Bluesky sent an unexpected answer: ${error.message}`, { cause: error });
  if (refusal && code >= 400 && code < 500) return new SourceAuthError(`${refusal}: ${said}`);
  if (code === 401 || code === 403) return new SourceAuthError(`Bluesky refused the request (${code}): ${said}`);
  if (code === 400) return new SourceQueryError(`Bluesky rejected the search: ${said}`);
  return new Error(`Bluesky answered ${code}: ${said}`, { cause: error });
}
