/**
 * Live events: what just happened, for listeners that are connected now (the API's
 * `GET /v1/stream`). Unlike the queues, nothing here is work to be done: an event nobody
 * reads in time is dropped, and every fact it carries is also stored in Postgres.
 */
export {
  MENTION_EVENTS_MAXLEN,
  mentionEventsKey,
  publishStoredMentions,
  type StoredMentionEvent,
} from './mention-stream.js';
