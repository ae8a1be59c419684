/** Where a fixed rate window stands after a request. */
export interface RateState {
  exhausted: boolean;
  limit: number;
  remaining: number;
  /** When the window resets, in epoch milliseconds. */
  resetMs: number;
}

export interface RateWindowOptions {
  limit: number;
  windowMs: number;
  now: () => number;
  /** The API's own rate-limit headers for a state (names and reset formats differ). */
  headers: (state: RateState) => Record<string, string>;
}

/** A fixed window of `limit` requests per `windowMs`, the way X, Mastodon and Bluesky count them. */
export class RateWindow {
  private resetMs: number;
  private used = 0;

  constructor(private readonly options: RateWindowOptions) {
    this.resetMs = options.now() + options.windowMs;
  }

  /** Reads the clock once (benchmarks time the first request with it); `spend` false only looks. */
  spend(spend = true): RateState & { headers: Record<string, string> } {
    const { limit, windowMs, now } = this.options;
    const at = now();
    if (at >= this.resetMs) {
      this.resetMs = at + windowMs;
      this.used = 0;
    }
    const exhausted = this.used >= limit;
    if (spend && !exhausted) this.used += 1;
    const state = { exhausted, limit, remaining: limit - this.used, resetMs: this.resetMs };
    return { ...state, headers: this.options.headers(state) };
  }
}
