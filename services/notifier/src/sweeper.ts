import { alertEventOf, connectionErrorLogger } from '@goodchatter/core';
import { type Database, findLostAlerts } from '@goodchatter/db';
import { type DeliverJob, isOutageError, type NotifyJob, type Queue } from '@goodchatter/queues';
import { assembleDueDigests, claimDueDeliveries, settleInterruptedAttempts } from '@goodchatter/webhooks';
import type { Logger } from 'pino';
import { deliverJob } from './processors/notify.js';

export interface SweeperDeps {
  database: Database;
  deliverQueue: Queue<DeliverJob>;
  /** Where alerts whose notify job was lost are queued again. */
  notifyQueue?: Queue<NotifyJob>;
  /** A praise or complaint stored this long ago and still not alerted lost its notify job (default 60 s). */
  lostAlertAfterMs?: number;
  logger: Logger;
  everyMs: number;
  /** After this long in `sending`, an attempt's notifier is taken to be dead. */
  leaseMs: number;
}

const BATCH = 500;
/** A queued delivery still pending after this long lost its job (Redis data loss): queue it again. */
const LOST_AFTER_MS = 10 * 60_000;
/** Alerts older than this are not sent late: they would be news to no one. */
const LOST_ALERT_WINDOW_MS = 7 * 24 * 3600_000;

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
    if (deps.notifyQueue) await requeueLostAlerts(deps.notifyQueue);
  }

  /**
   * Praise and complaints stored but never alerted (Redis lost their notify job): queued
   * again under the scorer's job id `<label>-<id>`, so a job still waiting absorbs it,
   * and the notifier's `takeAlert` alerts each mention once whatever happens.
   */
  async function requeueLostAlerts(notifyQueue: Queue<NotifyJob>) {
    const lost = await findLostAlerts(db, {
      olderThanMs: deps.lostAlertAfterMs ?? 60_000,
      withinMs: LOST_ALERT_WINDOW_MS,
      limit: BATCH,
    });
    if (lost.length === 0) return;
    await notifyQueue.addBulk(
      lost.map(({ id, label }) => ({
        name: label,
        data: {
          mentionId: id,
          event: alertEventOf(label),
        },
        opts: { jobId: `${label}-${id}` },
      })),
    );
    deps.logger.warn({ count: lost.length }, 'alerts whose notify job was lost queued again');
  }

  // While Postgres or Redis is away every pass fails: one line per 30 s, not one per pass.
  const logOutage = connectionErrorLogger(deps.logger, 'webhook sweep: a dependency is unavailable');
  const sweep = () => {
    running = running
      .then(pass)
      .catch((err) => (isOutageError(err) ? logOutage(err) : deps.logger.error({ err }, 'webhook sweep failed')));
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
