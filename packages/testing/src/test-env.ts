import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { createQueuePrefix } from './queue-prefix.js';

export interface TestEnv {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  database: TestDatabase;
  /** Drops the database and deletes the queue keys. */
  cleanup(): Promise<void>;
}

/** Own database and own queue prefix for one test (or one file's tests). */
export async function createTestEnv(): Promise<TestEnv> {
  const adminUrl = inject('adminDatabaseUrl');
  const redisUrl = inject('redisUrl');
  const database = await createTestDatabase(adminUrl, inject('templateDatabase'));
  const queues = createQueuePrefix(redisUrl);
  return {
    databaseUrl: database.url,
    redisUrl,
    prefix: queues.prefix,
    database,
    async cleanup() {
      await Promise.all([database.drop(), queues.cleanup()]);
    },
  };
}
