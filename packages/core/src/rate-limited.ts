/** The little a connection needs of a logger (pino's shape) to report its errors. */
export interface WarnLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Lets one call through per `everyMs` and counts the ones it held back, so a dependency
 * that is down logs a line every half minute instead of hundreds a minute. `emit` gets
 * how many were held back since the last one it saw.
 */
export function rateLimited(everyMs = 30_000): (emit: (suppressed: number) => void) => void {
  let last = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (emit) => {
    const now = Date.now();
    if (now - last < everyMs) {
      suppressed++;
      return;
    }
    last = now;
    const held = suppressed;
    suppressed = 0;
    emit(held);
  };
}

/** An `error` listener that logs rate-limited through `logger` (or swallows without one). */
export function connectionErrorLogger(logger: WarnLogger | undefined, what: string, everyMs?: number) {
  const limit = rateLimited(everyMs);
  return (err: unknown) => {
    if (!logger) return;
    limit((suppressed) => logger.warn({ err, ...(suppressed ? { suppressed } : {}) }, `${what} error`));
  };
}
