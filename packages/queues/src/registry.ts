import type { Queue } from 'bullmq';
import type { z } from 'zod';
import { QUEUES, type QueueName } from './names.js';
import { DeliverJob, NotifyJob, PollJob, ScoreJob } from './payloads.js';

/**
 * The registry of queues: each queue's name with the schema of the jobs it carries.
 * Producers and consumers both validate against these; `TypedQueue<N>` and
 * `openQueues().getQueue(name)` give each name its payload type (Langfuse's worker keeps
 * the same map, QueueName → job type).
 */
export const PAYLOADS = {
  [QUEUES.poll]: PollJob,
  [QUEUES.score]: ScoreJob,
  [QUEUES.notify]: NotifyJob,
  [QUEUES.deliver]: DeliverJob,
} as const satisfies Record<QueueName, z.ZodType>;

/** The job data each queue carries, by queue name. */
export type QueueJobTypes = { [N in QueueName]: z.infer<(typeof PAYLOADS)[N]> };

export type PayloadOf<N extends QueueName> = QueueJobTypes[N];

/** The handle of one queue, typed by its name. */
export type TypedQueue<N extends QueueName> = Queue<QueueJobTypes[N]>;

/** Any one of the queues, for code that treats them alike (depths, dashboards, revival). */
export type AnyQueue = { [N in QueueName]: TypedQueue<N> }[QueueName];
