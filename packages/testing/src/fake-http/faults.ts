/**
 * The failures every fake can script whatever API it plays, and the one order they are
 * applied in: a queued fault replaces the answer, except a delay, which only holds it back.
 */
import type { ServerResponse } from 'node:http';

export type TransportFault =
  /** 200 with a JSON content type and a truncated body. */
  | { malformed: true }
  /** The socket is destroyed before any response: a network error for the client. */
  | { dropConnection: true }
  /** The normal answer, sent after `delayMs` (for client timeouts). */
  | { delayMs: number };

type Answered<F> = Exclude<F, { delayMs: number }>;

/** What a fake records as the status of a fault it answered with (0: no response at all). */
function faultStatus(fault: object): number {
  if ('status' in fault && typeof fault.status === 'number') return fault.status;
  return 'malformed' in fault ? 200 : 0;
}

/**
 * Answers with `respond` (now, or after a delay fault unless the client has gone) or with
 * `fail(fault)`, setting `record.status` for a fault; `respond` sets it otherwise.
 */
export function answerOrFail<F extends object>(
  res: ServerResponse,
  record: { status: number },
  fault: F | undefined,
  respond: () => void,
  fail: (fault: Answered<F>) => void,
): void {
  if (!fault) {
    respond();
  } else if ('delayMs' in fault && typeof fault.delayMs === 'number') {
    const timer = setTimeout(() => {
      if (!res.destroyed) respond();
    }, fault.delayMs);
    res.once('close', () => clearTimeout(timer));
  } else {
    record.status = faultStatus(fault);
    fail(fault as Answered<F>);
  }
}

/**
 * Answers the faults that do not depend on the API (a dropped connection, a truncated
 * body `cutOff`); returns false for the rest, which the caller answers in its API's words.
 */
export function sendTransportFault(
  res: ServerResponse,
  fault: object,
  cutOff: string,
  headers: Record<string, string> = {},
): fault is TransportFault {
  if ('dropConnection' in fault) {
    res.socket?.destroy();
    return true;
  }
  if ('malformed' in fault) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(cutOff);
    return true;
  }
  return false;
}
