import type { Queue } from 'bullmq';

/**
 * Outages versus poison. A job that failed because Postgres or Redis was away is not bad
 * data: it must run again once the dependency is back, however many attempts it spent
 * during the outage. Workers tag such failures with OUTAGE_PREFIX; `reviveOutageFailures`
 * moves them from `failed` back to `waiting`. What stays in `failed` is poison.
 */
export const OUTAGE_PREFIX = 'dependency unavailable: ';

// SQLSTATE classes and codes: connection exception (08), admin/crash shutdown, cannot
// connect now (57P01–57P03), too many connections (53300).
const PG_OUTAGE = /^(08|57P0[123]|53300)/;
const NODE_OUTAGE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const MESSAGE_OUTAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is closed|max retries per request|Stream isn't writeable|the database system is|terminating connection|not currently accepting connections/i;

/** True when `err` says a dependency (Postgres, Redis) could not be reached, not that the data was bad. */
export function isOutageError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (PG_OUTAGE.test(code) || NODE_OUTAGE.has(code))) return true;
  if (err instanceof AggregateError && err.errors.some(isOutageError)) return true;
  return MESSAGE_OUTAGE.test(err.message) || (err.cause !== undefined && isOutageError(err.cause));
}

/** Thrown by workers in place of an outage error, so the failure is recognisable later. */
export class OutageError extends Error {
  override readonly name = 'OutageError';
  constructor(cause: Error) {
    super(`${OUTAGE_PREFIX}${cause.message}`, { cause });
  }
}

/**
 * Moves jobs that failed for an outage back to waiting, with fresh attempts. Call it when
 * the dependencies answer again (workers do so on a timer). Safe to run in several
 * processes at once: a job another one already moved is skipped. Returns how many moved.
 */
export async function reviveOutageFailures(queue: Queue, opts: { batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 500;
  let revived = 0;
  // Scans the whole failed set in pages; poison stays where it is, so it is skipped.
  for (let start = 0; ; ) {
    const jobs = await queue.getFailed(start, start + batch - 1);
    let moved = 0;
    for (const job of jobs) {
      if (!job?.failedReason?.startsWith(OUTAGE_PREFIX)) continue;
      try {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        moved++;
      } catch {
        // Another process revived or removed it first.
      }
    }
    revived += moved;
    if (jobs.length < batch) break;
    start += batch - moved; // the set shrank under the cursor
  }
  return revived;
}

export interface ReviverOptions {
  queues: Queue[];
  /** Resolves when the dependencies the jobs need answer again (a `SELECT 1`). */
  ready: () => Promise<unknown>;
  everyMs: number;
  onRevived?: (queue: string, count: number) => void;
  onError?: (err: unknown) => void;
}

/** Runs `reviveOutageFailures` on every queue each `everyMs`, once `ready()` succeeds. */
export function startReviver(opts: ReviverOptions): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    await opts.ready();
    for (const q of opts.queues) {
      const n = await reviveOutageFailures(q);
      if (n > 0) opts.onRevived?.(q.name, n);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = pass()
        .catch((err) => opts.onError?.(err))
        .finally(() => {
          if (timer) schedule();
        });
    }, opts.everyMs);
    timer.unref();
  };
  schedule();
  return {
    async close() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
