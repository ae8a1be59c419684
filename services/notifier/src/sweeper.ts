import { assembleDueDigests, claimDueDeliveries, type Database, settleInterruptedAttempts } from '@goodchatter/db';
import type { DeliverJob, Queue } from '@goodchatter/queues';
import type { Logger } from 'pino';
import { deliverJob } from './processors/notify.js';

export interface SweeperDeps {
  database: Database;
  deliverQueue: Queue<DeliverJob>;
  logger: Logger;
  everyMs: number;
  /** After this long in `sending`, an attempt's notifier is taken to be dead. */
  leaseMs: number;
}

const BATCH = 500;
/** A queued delivery still pending after this long lost its job (Redis data loss): queue it again. */
const LOST_AFTER_MS = 10 * 60_000;

export interface Sweeper {
  /** One pass now (tests). */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Everything not driven by a new mention: due digests, attempts a dead notifier left in
 * flight, and due deliveries (retries, redeliveries, test and status events) handed to
 * the deliver queue. Several notifiers may sweep at once: every step skips rows another
 * one holds. Passes never overlap within one process.
 */
export function startSweeper(deps: SweeperDeps): Sweeper {
  const { db } = deps.database;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function pass() {
    const digests = await assembleDueDigests(db);
    const settled = await settleInterruptedAttempts(db, deps.leaseMs);
    if (settled > 0) deps.logger.warn({ settled }, 'deliveries interrupted mid-request marked unknown');
    for (;;) {
      const due = await claimDueDeliveries(db, BATCH, LOST_AFTER_MS);
      if (due.length > 0) await deps.deliverQueue.addBulk(due.map(deliverJob));
      if (due.length < BATCH) break;
    }
    if (digests > 0) deps.logger.debug({ digests }, 'digests assembled');
  }

  const sweep = () => {
    running = running.then(pass).catch((err) => deps.logger.error({ err }, 'webhook sweep failed'));
    return running;
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void sweep().then(schedule), deps.everyMs);
  };
  schedule();
  return {
    sweep,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
