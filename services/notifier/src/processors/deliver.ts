import type { Database } from '@goodchatter/db';
import type { DeliverJob } from '@goodchatter/queues';
import { type AttemptOutcome, type ClaimedDelivery, claimDelivery, finishAttempt } from '@goodchatter/webhooks';
import type { Logger } from 'pino';
import { backoffMs, retryAfterMs, retryableStatus } from '../backoff.js';
import { RefusedTargetError } from '../http/address-policy.js';
import type { WebhookHttp } from '../http/post.js';
import { renderBody } from '../render.js';
import { deliveryHeaders } from '../signature.js';

export interface DeliverDeps {
  database: Database;
  http: WebhookHttp;
  logger: Logger;
  maxAttempts: number;
  retryBaseMs: number;
  disableAfter: number;
}

/** Decides what an answer (or its absence) means for this delivery. */
function outcomeOf(
  deps: DeliverDeps,
  d: ClaimedDelivery,
  res: { status: number; body: string; latencyMs: number; retryAfter?: number } | { error: Error; latencyMs: number },
): AttemptOutcome {
  const canRetry = d.attempts < deps.maxAttempts;
  if ('error' in res) {
    const error = res.error.message;
    if (res.error instanceof RefusedTargetError || !canRetry)
      return { kind: 'failed', latencyMs: res.latencyMs, error };
    return { kind: 'retry', latencyMs: res.latencyMs, error, delayMs: backoffMs(d.attempts, deps.retryBaseMs) };
  }
  const { status, latencyMs } = res;
  if (status >= 200 && status < 300) return { kind: 'delivered', responseCode: status, latencyMs };
  const error = `HTTP ${status}${res.body ? `: ${res.body.slice(0, 300)}` : ''}`;
  if (!retryableStatus(status) || !canRetry) return { kind: 'failed', responseCode: status, latencyMs, error };
  const delayMs = res.retryAfter ?? backoffMs(d.attempts, deps.retryBaseMs);
  return { kind: 'retry', responseCode: status, latencyMs, error, delayMs };
}

/**
 * One attempt at one delivery. Claiming marks it `sending` first: a delivery that is not
 * pending (sent already, or in flight elsewhere) is left alone, so a duplicate or
 * re-run job never posts it twice. Retries are not this job's: a retryable failure
 * records when the next attempt is due and the sweep queues it then.
 */
export async function deliver(deps: DeliverDeps, payload: DeliverJob): Promise<string> {
  const { db } = deps.database;
  const d = await claimDelivery(db, payload.deliveryId);
  if (!d) return 'not-pending';
  const isTest = d.eventType === 'webhook.test';
  const opts = { disableAfter: deps.disableAfter, countsForSubscription: !isTest };
  if (!d.active && !isTest) {
    await finishAttempt(db, d, { kind: 'skipped', error: 'subscription is disabled' }, opts);
    return 'skipped';
  }
  const body = renderBody(d.format, {
    id: d.eventId,
    type: d.eventType,
    createdAt: d.eventCreatedAt.toISOString(),
    data: d.data,
  });
  const started = performance.now();
  let outcome: AttemptOutcome;
  try {
    const res = await deps.http.post(d.url, body, deliveryHeaders(d.secret, d.eventId, d.eventType, body));
    outcome = outcomeOf(deps, d, { ...res, retryAfter: retryAfterMs(res.headers['retry-after']) });
  } catch (err) {
    outcome = outcomeOf(deps, d, { error: err as Error, latencyMs: Math.round(performance.now() - started) });
  }
  const { disabled } = await finishAttempt(db, d, outcome, opts);
  // Never the URL or the secret: URLs may carry tokens.
  const log = { webhookId: d.webhookId, deliveryId: d.id, attempt: d.attempts, outcome: outcome.kind };
  if (outcome.kind === 'delivered') deps.logger.debug(log, 'webhook delivered');
  else deps.logger.info({ ...log, error: 'error' in outcome ? outcome.error : undefined }, 'webhook attempt failed');
  if (disabled) deps.logger.warn({ webhookId: d.webhookId }, 'webhook subscription disabled after repeated failures');
  return outcome.kind;
}
