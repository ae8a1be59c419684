export {
  BlueskySourceAdapter,
  type BlueskySourceAdapterOptions,
  DEFAULT_BLUESKY_SERVICE,
} from './bluesky-source-adapter.js';
export { type BlueskyCheckpoint, OVERLAP_MS as BLUESKY_OVERLAP_MS } from './checkpoint.js';
export { BLUESKY_QUERY_MAX_LENGTH, validateBlueskyQuery } from './query.js';
