import { z } from 'zod';
import { QUEUES } from './names.js';

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
  event: z.enum(['mention.praise', 'mention.complaint']),
});
export type NotifyJob = z.infer<typeof NotifyJob>;

/** One attempt at one delivery; the job id is `dlv-<deliveryId>-<dispatch number>`. */
export const DeliverJob = z.object({ deliveryId: z.number().int().positive() });
export type DeliverJob = z.infer<typeof DeliverJob>;

/** Payload schema per queue: producers and consumers both validate against these. */
export const PAYLOADS = {
  [QUEUES.poll]: PollJob,
  [QUEUES.score]: ScoreJob,
  [QUEUES.notify]: NotifyJob,
  [QUEUES.deliver]: DeliverJob,
} as const;

export type PayloadOf<N extends keyof typeof PAYLOADS> = z.infer<(typeof PAYLOADS)[N]>;
