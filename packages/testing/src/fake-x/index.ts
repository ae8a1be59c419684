export type { XFault } from './faults.js';
export { encodeCursor, searchRecent } from './search.js';
export {
  type FakeX,
  type FakeXOptions,
  type RecordedRequest,
  startFakeX,
} from './server.js';
export {
  type FakeTweet,
  type FakeTweetInput,
  type FakeUser,
  type IdBound,
  SNOWFLAKE_EPOCH_MS,
  snowflakeAt,
  snowflakeTime,
  TweetStore,
} from './tweets.js';
