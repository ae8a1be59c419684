/**
 * The wire shapes of /v1/webhooks. Filters are one object on the wire (replaced whole by
 * PATCH) and columns in the database; `secret` appears only in the create and rotate answers.
 */

import { DELIVERY_STATUSES, INT4_MAX, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '@goodchatter/core';
import type { DeliveryLogEntry, WebhookRow } from '@goodchatter/db';
import { z } from 'zod';

export const WebhookEventType = z.enum(WEBHOOK_EVENTS);

const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2048, 'must be at most 2048 characters');
const events = z
  .array(WebhookEventType)
  .min(1, 'must name at least one event')
  .refine((e) => new Set(e).size === e.length, 'must not repeat an event');

export const WebhookFilters = z
  .object({
    /** Only mentions of this brand (case-insensitive). */
    brand: z.string().trim().min(1).max(200).nullable().default(null),
    minConfidence: z.number().min(0).max(1).nullable().default(null),
    minFollowers: z.number().int().min(0).max(INT4_MAX).nullable().default(null),
    /** Only mentions from this source (`x`, `mastodon`, `bluesky`, `push`, …; any case). */
    source: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();

const settings = {
  url,
  events,
  description: z.string().trim().max(500).nullable(),
  filters: WebhookFilters,
  format: z.enum(WEBHOOK_FORMATS),
  active: z.boolean(),
  /** Send one digest every N minutes instead of one request per event. */
  digestMinutes: z.number().int().min(1).max(1440).nullable(),
  /** Deliveries allowed per rolling hour; the rest are logged as skipped. */
  hourlyCap: z.number().int().min(1).max(100_000).nullable(),
};

export const CreateWebhookBody = z
  .object({
    ...settings,
    description: settings.description.default(null),
    filters: settings.filters.default({ brand: null, minConfidence: null, minFollowers: null, source: null }),
    format: settings.format.default('json'),
    active: settings.active.default(true),
    digestMinutes: settings.digestMinutes.default(null),
    hourlyCap: settings.hourlyCap.default(null),
  })
  .strict();
export const PatchWebhookBody = z.object(settings).partial().strict();
export type PatchWebhookBody = z.infer<typeof PatchWebhookBody>;

export const WebhookParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const WebhookView = z.object({
  id: z.number(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  format: z.string(),
  active: z.boolean(),
  filters: z.object({
    brand: z.string().nullable(),
    minConfidence: z.number().nullable(),
    minFollowers: z.number().nullable(),
    source: z.string().nullable(),
  }),
  digestMinutes: z.number().nullable(),
  hourlyCap: z.number().nullable(),
  /** Final delivery failures in a row; at the notifier's limit the subscription is disabled. */
  consecutiveFailures: z.number(),
  /** Why the notifier turned it off; cleared when set active again. */
  disabledReason: z.string().nullable(),
  disabledAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export const WebhookWithSecret = WebhookView.extend({
  /** The signing secret: shown here only, keep it. */
  secret: z.string(),
});
export const WebhookList = z.object({ data: z.array(WebhookView) });

export function toWebhookView(w: WebhookRow): z.infer<typeof WebhookView> {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    events: w.events,
    format: w.format,
    active: w.active,
    filters: { brand: w.brand, minConfidence: w.minConfidence, minFollowers: w.minFollowers, source: w.source },
    digestMinutes: w.digestMinutes,
    hourlyCap: w.hourlyCap,
    consecutiveFailures: w.consecutiveFailures,
    disabledReason: w.disabledReason,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export const DeliveryParams = WebhookParams.extend({ deliveryId: z.coerce.number().int().positive() });
export const DeliveryQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** `nextCursor` of the previous page. */
    cursor: z.coerce.number().int().positive().optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
  })
  .strict();

export const DeliveryView = z.object({
  id: z.number(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  responseCode: z.number().nullable(),
  /** Of the last attempt, until the answer was read. */
  latencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  /** When the next attempt is due (pending only). */
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  /** The digest delivery that carried this event (status `digested`). */
  digestId: z.number().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
});
export const DeliveryList = z.object({ data: z.array(DeliveryView), nextCursor: z.string().nullable() });

export function toDeliveryView(d: DeliveryLogEntry): z.infer<typeof DeliveryView> {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    latencyMs: d.latencyMs,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    digestId: d.digestId,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}
