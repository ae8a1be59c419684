/**
 * Turns twitter-api-v2 failures into what the poller acts on:
 * - 429 → SourceRateLimitedError (wait for `x-rate-limit-reset`, no request before it);
 * - 401/403 → SourceAuthError carrying X's own words (shown to the user on the query);
 * - 400 → SourceQueryError (X rejected the query: retrying the same query cannot help);
 * - 5xx, other statuses, network errors, malformed bodies → a plain Error, retried with backoff.
 */
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, type TwitterApiErrorData } from 'twitter-api-v2';
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';

/** When X sends no reset header with a 429, wait one full 15-minute window. */
const FALLBACK_RESET_MS = 15 * 60 * 1000;

/** X's explanation from a v2 problem body (`title`, `detail`, `errors[].message`). */
export function describeXError(data: TwitterApiErrorData | undefined, status: number): string {
  const parts: string[] = [];
  if (data?.title) parts.push(data.title);
  if (data?.detail && data.detail !== data.title) parts.push(data.detail);
  for (const e of data?.errors ?? []) {
    if ('message' in e && typeof e.message === 'string' && !parts.includes(e.message)) {
      parts.push(e.message);
    }
  }
  if (data?.error && !parts.includes(data.error)) parts.push(data.error);
  return parts.length > 0 ? parts.join(': ') : `HTTP ${status}`;
}

function resetAtOf(error: ApiResponseError, now: number): number {
  const header = error.headers?.['x-rate-limit-reset'];
  const seconds = error.rateLimit?.reset ?? (typeof header === 'string' ? Number(header) : Number.NaN);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : now + FALLBACK_RESET_MS;
}

/**
 * The network error under an ApiRequestError. twitter-api-v2 1.29.1 stores it as
 * `_options.error` but its `requestError` getter reads `_options.requestError`, so the
 * getter returns undefined; read both.
 */
function networkCause(error: ApiRequestError): string {
  const options: unknown = Object.getOwnPropertyDescriptor(error, '_options')?.value;
  const inner: unknown =
    error.requestError ??
    (typeof options === 'object' && options !== null && 'error' in options ? options.error : undefined);
  return inner instanceof Error ? inner.message : 'network error';
}

/** Maps any error thrown while talking to X; returns what the adapter should throw. */
export function toSourceError(error: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (error instanceof ApiResponseError) {
    const message = describeXError(error.data, error.code);
    if (error.code === 429) {
      const resetAt = resetAtOf(error, Date.now());
      return new SourceRateLimitedError(`X rate limit reached; resets at ${new Date(resetAt).toISOString()}`, resetAt);
    }
    if (error.code === 401 || error.code === 403) {
      return new SourceAuthError(`X refused the request (${error.code}): ${message}`);
    }
    if (error.code === 400) return new SourceQueryError(`X rejected the query: ${message}`);
    return new Error(`X answered ${error.code}: ${message}`, { cause: error });
  }
  if (error instanceof ApiPartialResponseError) {
    return new Error(`X sent an unreadable response: ${error.message}`, { cause: error });
  }
  if (error instanceof ApiRequestError) {
    return new Error(`X request failed: ${networkCause(error)}`, { cause: error });
  }
  return error;
}
