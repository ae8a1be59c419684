/**
 * Queue names. Renaming one strands the jobs waiting under the old name: drain the old
 * queue (or move its jobs) before deploying a rename.
 */
export const QUEUES = {
  /** Ticks from per-query job schedulers: poll one tracked query. */
  poll: 'poll',
  /** Batches of raw mentions waiting to be classified and stored. */
  score: 'score',
  /** One job per newly stored praise or complaint: create its event and deliveries. */
  notify: 'notify',
  /** One job per delivery attempt (subscription × event); retries wait in Postgres. */
  deliver: 'deliver',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Default Redis key prefix; tests give each run its own. */
export const DEFAULT_PREFIX = 'goodchatter';

/**
 * The BullMQ prefix of one queue. Standalone Redis: the prefix itself (keys
 * `goodchatter:score:…`, as always). Redis Cluster: BullMQ's Lua scripts touch many keys
 * of a queue at once, so they must share a slot: the prefix becomes a hash tag per queue
 * (`{goodchatter.score}`, keys `{goodchatter.score}:score:…`), so that each queue's keys
 * share a slot while different queues spread over the nodes. (`.` cannot occur in
 * QUEUE_PREFIX, so two prefixes never make the same tag.)
 */
export const queueKeyPrefix = (prefix: string, name: QueueName, cluster: boolean) =>
  cluster ? `{${prefix}.${name}}` : prefix;
