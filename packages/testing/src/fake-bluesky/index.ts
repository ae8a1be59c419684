export { cidOf, didFor, tid } from './identifiers.js';
export { type FakeBskyAuthor, type FakeBskyPost, type FakeBskyPostInput, PostStore } from './posts.js';
export {
  type BlueskyFault,
  type BlueskyRequest,
  type FakeBluesky,
  type FakeBlueskyOptions,
  startFakeBluesky,
} from './server.js';
