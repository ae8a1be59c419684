export * from './api-keys.js';
export * from './mention-events.js';
export * from './mention-rank.js';
export * from './mentions.js';
export * from './tracked-queries.js';
export * from './webhook-deliveries.js';
export * from './webhook-events.js';
export * from './webhooks.js';
