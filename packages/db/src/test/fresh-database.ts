import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabase, type Database } from '../client.js';

/**
 * A database of the calling test file's own, copied from the migrated template that the
 * root globalSetup builds, dropped by `drop`. @goodchatter/testing's createTestDatabase
 * does the same for every other package, but it depends on this one: importing it here
 * would make a workspace cycle, and pnpm builds the packages of a cycle at the same time.
 */
export interface FreshDatabase extends Database {
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(opts: { max?: number } = {}): Promise<FreshDatabase> {
  const name = `gc_t_${randomBytes(6).toString('hex')}`;
  // Copies of one template made at the same time collide ("being accessed by other users").
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
      break;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const database = createDatabase(url.toString(), { max: opts.max ?? 10 });
  return {
    ...database,
    async drop() {
      await database.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
