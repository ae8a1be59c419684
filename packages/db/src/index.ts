export { createDatabase, type Database, type Db } from './client.js';
export { MIGRATIONS_FOLDER, migrationsFolderUpTo, runMigrations } from './migrate.js';
export {
  ensureMentionPartitions,
  listMentionPartitions,
  PARTITION_MONTHS_AHEAD,
  type PartitionKeeper,
  startPartitionKeeper,
} from './partitions.js';
export { postgresDependency } from './postgres-ready.js';
export * from './schema/index.js';
export { isSealed, openSecret, type SecretKeys, sealSecret, useSecretKeys } from './secret-box.js';
export type { DbOrTx, Tx } from './transaction.js';
export * from './verbs/api-keys.js';
export * from './verbs/feed.js';
export * from './verbs/kudos-shares.js';
export { MENTION_JSON_SQL } from './verbs/mention-json.js';
export { toMention } from './verbs/mention-view.js';
export * from './verbs/mention-workflow.js';
export * from './verbs/mentions-read.js';
export * from './verbs/mentions-write.js';
export * from './verbs/rejected-mentions.js';
export * from './verbs/reports.js';
export * from './verbs/sessions.js';
export * from './verbs/staff-aliases.js';
export * from './verbs/tracked-queries.js';
export * from './verbs/tracked-queries-edit.js';
export * from './verbs/trends.js';
export * from './verbs/unalerted-mentions.js';
export * from './verbs/webhook-deliveries.js';
export * from './verbs/webhooks.js';
