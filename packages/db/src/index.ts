export { createDatabase, type Database, type Db } from './client.js';
export { MIGRATIONS_FOLDER, runMigrations } from './migrate.js';
export * from './schema/index.js';
export { toMention } from './verbs/mention-view.js';
export * from './verbs/mentions-read.js';
export * from './verbs/mentions-write.js';
export * from './verbs/tracked-queries.js';
export * from './verbs/webhook-deliveries.js';
