export { type MastodonCheckpoint, OVERLAP_MS as MASTODON_OVERLAP_MS } from './checkpoint.js';
export { htmlToText } from './html.js';
export { MastodonSourceAdapter, type MastodonSourceAdapterOptions } from './mastodon-source-adapter.js';
export {
  MASTODON_MAX_TAGS,
  MASTODON_QUERY_MAX_LENGTH,
  type MastodonQuery,
  parseMastodonQuery,
  validateMastodonQuery,
} from './query.js';
