/**
 * Identical hot reads share one database query. A request whose exact query (route +
 * querystring) is already in flight waits for that query's answer instead of starting
 * another, so a burst of dashboards refreshing the feed costs one query, not dozens.
 * Answers are at most one query old (milliseconds) — plus `ttlMs` when set — and a write
 * through this process (`invalidate`) makes every later read start afresh, so a client
 * sees its own changes. The answer holds no per-key data, so sharing it across keys is
 * safe; auth and rate limits still run per request.
 */
export class ReadCoalescer {
  // Answers are rendered JSON (lists) or report objects; shared answers are never mutated.
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly recent = new Map<string, { body: unknown; at: number }>();
  private generation = 0;

  /** `ttlMs: false` turns sharing off: every read loads (benchmarks compare both). */
  constructor(private readonly ttlMs: number | false = 0) {}

  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs === false) return load();
    const k = `${this.generation}\u0000${key}`;
    const hit = this.recent.get(k);
    if (hit && Date.now() - hit.at < this.ttlMs) return Promise.resolve(hit.body as T);
    let pending = this.inflight.get(k) as Promise<T> | undefined;
    if (!pending) {
      pending = load().finally(() => this.inflight.delete(k));
      this.inflight.set(k, pending);
      if (this.ttlMs > 0) {
        pending.then(
          (body) => {
            // Bounded: a crawl through many distinct pages must not grow memory.
            if (this.recent.size >= 1000) this.recent.clear();
            this.recent.set(k, { body, at: Date.now() });
          },
          () => {},
        );
      }
    }
    return pending;
  }

  /** After a write: reads already in flight may predate it, so none is joined any more. */
  invalidate(): void {
    this.generation++;
    this.recent.clear();
  }
}
