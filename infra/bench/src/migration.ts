import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createDatabase, migrationsFolderUpTo, runMigrations } from '@goodchatter/db';
import { SYNTHETIC_COLUMNS, SYNTHETIC_VALUES } from './api-seed.js';
import { createBenchEnv, flag } from './bench-env.js';

/** Migrations 0000–0004: the flat `mentions` table, before monthly partitions. */
const BEFORE_PARTITIONING = 5;

/**
 * `pnpm bench migration [--rows=1000000]`: how long migration 0005 (monthly partitions)
 * takes on a table of that size, for planning the upgrade: it runs in one transaction, and
 * mentions cannot be stored until it commits (the scorers' jobs wait and retry).
 */
export async function benchMigration(args: string[]): Promise<void> {
  const rows = flag(args, 'rows', 1_000_000);
  const env = await createBenchEnv({ migrate: false });
  const folder = migrationsFolderUpTo(BEFORE_PARTITIONING);
  const database = createDatabase(env.databaseUrl, { max: 1 });
  try {
    await runMigrations(env.databaseUrl, { folder });
    let started = performance.now();
    await database.pool.query(
      `INSERT INTO mentions (${SYNTHETIC_COLUMNS}) SELECT ${SYNTHETIC_VALUES} FROM generate_series(1, $1::int) AS g`,
      [rows],
    );
    await database.pool.query('ANALYZE mentions');
    console.log(`seeded ${rows.toLocaleString('en')} mentions in the flat table in ${seconds(started)} s`);
    started = performance.now();
    await runMigrations(env.databaseUrl);
    const took = seconds(started);
    const { rows: counted } = await database.pool.query<{ n: number; parts: number }>(
      `SELECT (SELECT count(*)::int FROM mentions) AS n,
              (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'mentions'::regclass) AS parts`,
    );
    console.log(
      `migration 0005: ${rows.toLocaleString('en')} mentions into ${counted[0]?.parts} partitions in ${took} s ` +
        `(${Math.round(rows / Number(took)).toLocaleString('en')} rows/s); rows after: ${counted[0]?.n.toLocaleString('en')}`,
    );
    console.log(
      `load average (1/5/15 min) at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await database.close();
    await env.cleanup();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
