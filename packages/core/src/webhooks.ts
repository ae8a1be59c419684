import type { ScoredLabel } from './labels.js';

/** What a webhook can subscribe to; each delivery's `type` is one of these. */
export const WEBHOOK_EVENTS = ['mention.praise', 'mention.complaint', 'mention.status_changed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Labels that raise an alert when a mention is newly stored with one. */
export const ALERTING_LABELS = ['praise', 'complaint'] as const satisfies readonly ScoredLabel[];
export type AlertingLabel = (typeof ALERTING_LABELS)[number];

/** The events those alerts are (the notify queue carries these). */
export const ALERT_EVENTS = ['mention.praise', 'mention.complaint'] as const satisfies readonly WebhookEvent[];
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** The event a mention newly stored with an alerting label raises. */
export const alertEventOf = (label: AlertingLabel): AlertEvent => `mention.${label}`;

/**
 * `pending` (due at next_attempt_at) → `sending` (an attempt in flight) → `delivered`,
 * or back to `pending` for a retry, or `failed`. `unknown`: the notifier died during the
 * request, so whether it arrived is unknown and it is not resent on its own (redeliver
 * instead). `batched` waits for the subscription's digest, `digested` went out in one
 * (digest_id), `skipped` was never sent (hourly cap, subscription disabled).
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'failed',
  'unknown',
  'batched',
  'digested',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How a delivery's body is written: our JSON event, or a Slack incoming-webhook message. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
