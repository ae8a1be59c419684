import { DEFAULT_PREFIX, type RedisConnection } from '@goodchatter/queues';

/**
 * Newly stored mentions, as a Redis stream the API's live feed (`GET /v1/stream`) reads.
 * Entry ids are the SSE event ids, so a client resumes with `Last-Event-ID`. The stream
 * keeps about the last `MENTION_EVENTS_MAXLEN` entries: enough to bridge a reconnect. It is
 * one key, and every command on it (the scorer's XADD pipeline, the API's XREAD) names only
 * it, so it needs no hash tag in a Redis Cluster.
 */
export const mentionEventsKey = (prefix = DEFAULT_PREFIX) => `${prefix}:events:mentions`;
export const MENTION_EVENTS_MAXLEN = 10_000;

export interface StoredMentionEvent {
  id: number;
  label: string;
}

/**
 * Called by the scorer with the rows an insert actually created (never repeats). A mention
 * whose publish is lost (crash between insert and publish) is missing from the live feed
 * only; it is stored and in every other view.
 */
export async function publishStoredMentions(
  redis: RedisConnection,
  stored: StoredMentionEvent[],
  prefix = DEFAULT_PREFIX,
): Promise<void> {
  if (stored.length === 0) return;
  const key = mentionEventsKey(prefix);
  const pipeline = redis.pipeline();
  for (const m of stored) {
    pipeline.xadd(key, 'MAXLEN', '~', MENTION_EVENTS_MAXLEN, '*', 'id', String(m.id), 'label', m.label);
  }
  const results = await pipeline.exec();
  const failed = results?.find(([err]) => err);
  if (failed?.[0]) throw failed[0];
}
