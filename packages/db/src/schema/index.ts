export * from './mentions.js';
export * from './tracked-queries.js';
export * from './webhook-deliveries.js';
