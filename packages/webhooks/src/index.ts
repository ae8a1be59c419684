/**
 * Webhook rules, shared by the notifier (fan-out, attempts, sweeps, digests) and the API
 * (test events, redelivery, subscription changes, status-change events). Reads and
 * plain writes of the webhook tables stay in @goodchatter/db.
 */
export { type PendingDelivery, takeAlert } from './alerts.js';
export { type AttemptOutcome, type ClaimedDelivery, claimDelivery, finishAttempt } from './attempts.js';
export { assembleDueDigests, DIGEST_MAX_EVENTS } from './digests.js';
export { recordStatusChanged } from './fan-out.js';
export { redeliver } from './redeliver.js';
export { updateWebhook } from './subscriptions.js';
export { claimDueDeliveries, settleInterruptedAttempts } from './sweep.js';
export { createTestDelivery } from './test-event.js';
