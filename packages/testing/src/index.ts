export { closedPort } from './closed-port.js';
export {
  createTemplateDatabase,
  createTestDatabase,
  dropDatabase,
  type TestDatabase,
  withDatabase,
} from './databases.js';
export * from './fake-bluesky/index.js';
export * from './fake-mastodon/index.js';
export * from './fake-x/index.js';
export { mentionInput, mentionRow, uniqueExternalId } from './mention-row.js';
export { createQueuePrefix } from './queue-prefix.js';
export { resolveServices, type ServiceUrls } from './services.js';
export { type ServiceName, spawnService } from './spawn-service.js';
export { syntheticLines, writeSyntheticReplay } from './synthetic.js';
export { TcpProxy } from './tcp-proxy.js';
export { createTestEnv, type TestEnv } from './test-env.js';
export {
  type ReceivedHook,
  type ReceiverReply,
  startWebhookReceiver,
  type WebhookReceiver,
} from './webhook-receiver.js';
