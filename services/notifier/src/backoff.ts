/** 408, 429 and 5xx may succeed later; any other status will not (3xx included: redirects are not followed). */
export const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** The longest wait a receiver's Retry-After can ask for; beyond it we use our own schedule. */
const RETRY_AFTER_MAX_MS = 6 * 3600 * 1000;

/**
 * Delay before the attempt after `attempts` failed ones: base × 3^(attempts-1), ±20% jitter
 * so a receiver coming back is not hit by every delivery at the same instant.
 */
export function backoffMs(attempts: number, baseMs: number, random = Math.random): number {
  return Math.round(baseMs * 3 ** Math.max(0, attempts - 1) * (0.8 + 0.4 * random()));
}

/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unusable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const ms = /^\d+$/.test(v.trim()) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(ms)) return undefined;
  return ms > RETRY_AFTER_MAX_MS ? undefined : Math.max(0, ms);
}
