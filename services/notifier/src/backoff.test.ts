import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, retryableStatus } from './backoff.js';
import { loadNotifierEnv } from './env.js';

describe('retry schedule', () => {
  it('with the defaults, 8 attempts span about 12 hours, each wait 3× the last', () => {
    const { WEBHOOK_RETRY_BASE_MS: base, WEBHOOK_MAX_ATTEMPTS: attempts } = loadNotifierEnv({});
    const waits = Array.from({ length: attempts - 1 }, (_, i) => backoffMs(i + 1, base, () => 0.5));
    expect(waits[0]).toBe(40_000);
    expect(waits.slice(1).every((w, i) => w === 3 * (waits[i] ?? 0))).toBe(true);
    const hours = waits.reduce((a, b) => a + b, 0) / 3_600_000;
    expect(hours).toBeGreaterThan(11);
    expect(hours).toBeLessThan(13);
  });

  it('jitters by ±20%', () => {
    expect(backoffMs(2, 1000, () => 0)).toBe(2400);
    expect(backoffMs(2, 1000, () => 1)).toBe(3600);
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504].every(retryableStatus)).toBe(true);
    expect([301, 302, 400, 401, 403, 404, 410, 422].some(retryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or an HTTP date, ignoring nonsense and waits over 6 h', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs(String(7 * 3600), now)).toBeUndefined();
  });
});

describe('NotifierEnv', () => {
  it('parses WEBHOOK_ALLOW_PRIVATE as a boolean, off by default', () => {
    expect(loadNotifierEnv({}).WEBHOOK_ALLOW_PRIVATE).toBe(false);
    expect(loadNotifierEnv({ WEBHOOK_ALLOW_PRIVATE: 'true' }).WEBHOOK_ALLOW_PRIVATE).toBe(true);
    expect(() => loadNotifierEnv({ WEBHOOK_ALLOW_PRIVATE: 'maybe' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });

  it('names a wrong setting', () => {
    expect(() => loadNotifierEnv({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/WEBHOOK_MAX_ATTEMPTS/);
    expect(() => loadNotifierEnv({ WEBHOOK_TIMEOUT_MS: 'ten' })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });
});
