import { connectionErrorLogger, type WarnLogger } from '@goodchatter/core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

// `$client` is the pool: hot paths that outgrow the query builder use it directly.
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** One pool per process part; `close` ends it (last step of an ordered shutdown). */
export function createDatabase(
  url: string,
  opts: { max?: number; applicationName?: string; logger?: WarnLogger } = {},
): Database {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, application_name: opts.applicationName });
  // An idle client losing its connection (Postgres restart) must not crash the process;
  // it is logged, at most one line per 30 s.
  const logError = connectionErrorLogger(opts.logger, 'Postgres pool');
  pool.on('error', logError);
  // The pool listens on idle clients only: a client checked out (a transaction) when
  // Postgres goes away would emit an unhandled 'error' and crash the process. Its query
  // fails anyway, which the caller handles (the job is retried).
  pool.on('connect', (client) => client.on('error', logError));
  const db = drizzle(pool, { schema });
  let closed = false;
  return {
    db,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
