export type { MastodonFault } from './faults.js';
export {
  type FakeMastodon,
  type FakeMastodonOptions,
  type MastodonRequest,
  startFakeMastodon,
} from './server.js';
export {
  type FakeAccount,
  type FakeStatus,
  type FakeStatusInput,
  mastodonIdAt,
  mastodonIdTime,
  StatusStore,
  type Visibility,
} from './statuses.js';
