export {
  type Position,
  parseCheckpoint,
  type ResumePoint,
  serializeResume,
  sinceIdForTime,
  timeOfId,
} from './checkpoint.js';
export { DEFAULT_X_BASE_URL } from './client.js';
export { describeXError, toSourceError } from './errors.js';
export { buildSearchQuery, validateXQuery, X_QUERY_MAX_LENGTH } from './query.js';
export { EXPANSIONS, pageToMentions, parseSearchPage, TWEET_FIELDS, USER_FIELDS } from './response.js';
export { MAX_LOOKBACK_SECONDS, XSourceAdapter, type XSourceAdapterOptions } from './x-source-adapter.js';
