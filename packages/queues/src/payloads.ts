import { ALERT_EVENTS } from '@goodchatter/core';
import { z } from 'zod';

export const PollJob = z.object({ queryId: z.number().int().positive() });
export type PollJob = z.infer<typeof PollJob>;

export const ScoreJob = z.object({
  /**
   * Raw mentions (producers send `MentionInput`s). Validated one by one by the scorer, so
   * one bad item is set aside as a dead letter instead of failing the whole batch.
   */
  mentions: z.array(z.unknown()).min(1).max(1000),
  /** Epoch ms when ingest enqueued the batch: start of end-to-end latency. */
  enqueuedAt: z.number().int().positive(),
});
export type ScoreJob = z.infer<typeof ScoreJob>;

/** A mention newly stored with an alerting label; the job id is `<label>-<mentionId>`. */
export const NotifyJob = z.object({
  mentionId: z.number().int().positive(),
  event: z.enum(ALERT_EVENTS),
});
export type NotifyJob = z.infer<typeof NotifyJob>;

/** One attempt at one delivery; the job id is `dlv-<deliveryId>-<dispatch number>`. */
export const DeliverJob = z.object({ deliveryId: z.number().int().positive() });
export type DeliverJob = z.infer<typeof DeliverJob>;
