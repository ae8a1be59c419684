import { createApiKey, createDatabase, type Database, type NewMentionRow, type Scope } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { createTestEnv, mentionRow as sharedMentionRow, type TestEnv } from '@goodchatter/testing';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Redis } from 'ioredis';
import { type ApiDeps, buildApi } from '../app.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests' assertions
type Body = any;

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface Harness {
  env: TestEnv;
  database: Database;
  redis: Redis;
  app: FastifyInstance;
  keys: Record<Scope, string>;
  /** `app.inject` with `Authorization: Bearer <key>` (`key: null` sends none). */
  call(
    opts: InjectOptions & { key?: string | null },
  ): Promise<{ status: number; body: Body; headers: Record<string, unknown>; text: string }>;
  close(): Promise<void>;
}

/** An app on a database and queue prefix of its own, with a stored key per scope. */
export async function startHarness(over: Partial<ApiDeps> = {}): Promise<Harness> {
  const env = await createTestEnv();
  const database = createDatabase(env.databaseUrl);
  const redis = createRedis(env.redisUrl, 'producer');
  const app = await buildApi({ database, redis, logger: false, queuePrefix: env.prefix, adminKey: ADMIN_KEY, ...over });
  const make = async (scope: Scope) => (await createApiKey(database.db, { name: `${scope} key`, scopes: [scope] })).key;
  const keys = { read: await make('read'), write: await make('write'), admin: ADMIN_KEY };
  return {
    env,
    database,
    redis,
    app,
    keys,
    async call({ key, headers, ...opts }) {
      const auth = key === null ? {} : { authorization: `Bearer ${key ?? keys.read}` };
      const res = await app.inject({ ...opts, headers: { ...auth, ...headers } });
      let body: unknown;
      try {
        body = res.json();
      } catch {
        body = undefined;
      }
      return { status: res.statusCode, body, headers: res.headers, text: res.body };
    },
    async close() {
      await app.close();
      redis.disconnect();
      await database.close();
      await env.cleanup();
    },
  };
}

/**
 * The shared stored praise row, numbered: the API's tests name rows `m<i>`, by `user<i>`,
 * posted a minute apart in that order. `over` sets anything the test cares about.
 */
export function mentionRow(i: number, over: Partial<NewMentionRow> = {}): NewMentionRow {
  return sharedMentionRow({
    externalId: `m${i}`,
    authorHandle: `user${i}`,
    text: `mention ${i}`,
    postedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
    score: 1,
    ...over,
  });
}
