import type { LoopbackServer } from './loopback.js';

/** What every fake third party offers a test, whatever API it plays. */
export interface FakeServer<Request, Fault> {
  /** Origin to give the client as its base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every request, in arrival order. */
  readonly requests: Request[];
  /** Queues a fault for the next request it applies to; several calls queue several in order. */
  failNext(fault: Fault): void;
  close(): Promise<void>;
}

/** The FakeServer members over a fake's request log and fault queue, for it to spread into its own. */
export function fakeServerMembers<Request, Fault>(
  server: LoopbackServer,
  requests: Request[],
  faults: Fault[],
): FakeServer<Request, Fault> {
  return {
    url: server.origin,
    requests,
    failNext: (fault) => {
      faults.push(fault);
    },
    close: server.close,
  };
}

/** The rate window every fake keeps, with its API's defaults. */
export interface FakeRateOptions {
  /** Requests per window before an automatic 429. */
  rateLimit?: number;
  rateWindowSeconds?: number;
  /** Clock for rate windows (and whatever else the API dates); tests may freeze or move it. */
  now?: () => number;
}

/** A paged API's habit that sources must dedupe against: a page that repeats its neighbour's edge. */
export interface OverlappingPages {
  /** The next page that follows another repeats the item at their boundary, once. */
  duplicateBoundaryOnce(): void;
}
