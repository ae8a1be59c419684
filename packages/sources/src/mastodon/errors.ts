/**
 * What an instance's answer means for the poller:
 * - 429 → SourceRateLimitedError, resuming at `X-RateLimit-Reset` (no request before it);
 * - 401/403 → SourceAuthError, 400/404/410/422 → SourceQueryError: both mark the query
 *   failing with the instance's own words, since retrying the same request cannot help;
 * - 5xx and anything else → a plain Error, retried with backoff.
 */
import { SourceAuthError, SourceQueryError, SourceRateLimitedError } from '../adapter.js';

/** When a 429 carries no readable reset, wait one full 5-minute window (Mastodon's). */
const FALLBACK_RESET_MS = 5 * 60_000;

/**
 * `X-RateLimit-Reset` as epoch ms. Mastodon sends an ISO 8601 time; some servers that speak
 * its API send epoch seconds.
 */
export function parseReset(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return n > 1e12 ? n : n * 1000;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The instance's explanation: `{ "error", "error_description" }`, an HTML page's title, or the status. */
export function describeBody(status: number, contentType: string | null, text: string): string {
  if (contentType?.includes('json')) {
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
        const more = 'error_description' in body && typeof body.error_description === 'string';
        return more ? `${body.error}: ${body.error_description}` : body.error;
      }
    } catch {
      // fall through to the status
    }
  }
  const title = /<title>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.trim();
  return title || `HTTP ${status}`;
}

export function mastodonError(status: number, message: string, headers: Headers, now: number): Error {
  if (status === 429) {
    const resetAt = parseReset(headers.get('x-ratelimit-reset')) ?? now + FALLBACK_RESET_MS;
    return new SourceRateLimitedError(
      `Mastodon rate limit reached; resets at ${new Date(resetAt).toISOString()}`,
      Math.max(resetAt, now),
    );
  }
  if (status === 401 || status === 403)
    return new SourceAuthError(`Mastodon refused the request (${status}): ${message}`);
  if ([400, 404, 410, 422].includes(status)) {
    return new SourceQueryError(`Mastodon refused the request (${status}): ${message}`);
  }
  return new Error(`Mastodon answered ${status}: ${message}`);
}
