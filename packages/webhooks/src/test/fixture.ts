/**
 * A database of the test file's own (copied from the migrated template), with helpers
 * to make subscriptions and mentions. Fan-out reaches every matching subscription in the
 * database, so each test uses a brand of its own and subscribes with it as filter.
 */
import { randomUUID } from 'node:crypto';
import {
  createDatabase,
  createWebhook,
  type Database,
  insertMentions,
  listDeliveries,
  type NewMentionRow,
  type WebhookInput,
} from '@goodchatter/db';
import { createTestEnv, mentionRow, type TestEnv } from '@goodchatter/testing';

export interface Fixture {
  database: Database;
  brand(): string;
  subscribe(input: Partial<WebhookInput> & { brand: string }): Promise<number>;
  mention(brand: string, over?: Partial<NewMentionRow>): Promise<number>;
  deliveries(webhookId: number): ReturnType<typeof listDeliveries>;
  /** Moves a subscription's deliveries `minutes` into the past (the cap counts the last hour). */
  age(webhookId: number, minutes: number): Promise<void>;
  close(): Promise<void>;
}

/** `poolSize`: connections, enough for as many concurrent callers as a test races. */
export async function startFixture({ poolSize = 4 } = {}): Promise<Fixture> {
  const env: TestEnv = await createTestEnv();
  const database = createDatabase(env.databaseUrl, { max: poolSize });
  return {
    database,
    brand: () => `brand-${randomUUID().slice(0, 8)}`,
    async subscribe(input) {
      const w = await createWebhook(database.db, {
        url: 'https://hooks.example/h',
        events: ['mention.praise'],
        ...input,
      });
      return w.id;
    },
    async mention(brand, over = {}) {
      const [row] = await insertMentions(database.db, [
        mentionRow({ brand, label: 'praise', score: 3, confidence: 0.9, authorFollowers: 500, ...over }),
      ]);
      if (!row) throw new Error('mention not stored');
      return row.id;
    },
    deliveries: (webhookId) => listDeliveries(database.db, webhookId, { limit: 100 }),
    async age(webhookId, minutes) {
      await database.pool.query(
        `UPDATE webhook_deliveries SET created_at = created_at - make_interval(mins => $2) WHERE webhook_id = $1`,
        [webhookId, minutes],
      );
    },
    async close() {
      await database.close();
      await env.cleanup();
    },
  };
}
