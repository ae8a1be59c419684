import { type SourceRateLimit, SourceRateLimitedError } from './adapter.js';

/**
 * Fetches the next page of a drain. A rate limit once something was read ends the drain
 * instead of failing it: the pages already handed over stay done and the rest waits for
 * the reset, so it resolves to `{ stopped }`, the allowance to wait for. A rate limit before
 * anything was read, or any other error, is thrown.
 */
export async function nextPageOrStop<T>(
  fetchPage: () => Promise<T>,
  read: number,
): Promise<{ page: T } | { stopped: SourceRateLimit }> {
  try {
    return { page: await fetchPage() };
  } catch (error) {
    if (error instanceof SourceRateLimitedError && read > 0)
      return { stopped: { remaining: 0, resetAt: error.resetAt } };
    throw error;
  }
}
