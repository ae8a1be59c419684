/**
 * Every list of allowed values, with no runtime imports (no zod, no Node): what the care
 * app's browser bundle imports as `@goodchatter/core/enums`. Server code imports the same
 * lists from `@goodchatter/core`.
 */
export * from './label-lists.js';
export { SCOPES, type Scope } from './scopes.js';
export { QUERY_SOURCES, QUERY_STATUSES, type QuerySource, type QueryStatus } from './tracked-query.js';
export {
  ALERT_EVENTS,
  ALERTING_LABELS,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
  type WebhookEvent,
} from './webhooks.js';
