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

/** How a delivery's body is written: our JSON event, or a Slack incoming-webhook message. */
export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
