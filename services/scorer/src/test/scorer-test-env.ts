import { createDatabase, type Database } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { createTestEnv, type TestEnv } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

export interface ScorerTestEnv {
  readonly env: TestEnv;
  readonly database: Database;
  readonly redis: Redis;
}

/**
 * A database and queue prefix of the test file's own, with a pool and a worker connection
 * on them: opened before the file's tests, closed after. Read the fields inside tests (they
 * are set by then), not at the top of the file.
 */
export function useScorerTestEnv(): ScorerTestEnv {
  let env: TestEnv | undefined;
  let database: Database | undefined;
  let redis: Redis | undefined;
  beforeAll(async () => {
    env = await createTestEnv();
    database = createDatabase(env.databaseUrl, { max: 2 });
    redis = createRedis(env.redisUrl, 'worker');
  });
  afterAll(async () => {
    redis?.disconnect();
    await database?.close();
    await env?.cleanup();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useScorerTestEnv: read inside a test, after beforeAll');
    return value;
  };
  return {
    get env() {
      return ready(env);
    },
    get database() {
      return ready(database);
    },
    get redis() {
      return ready(redis);
    },
  };
}
