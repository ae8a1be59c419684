import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ensureMentionPartitions } from './partitions.js';
import { resealWebhookSecrets } from './verbs/webhooks.js';

/** Committed SQL migrations; resolved from the module so it works from src and dist. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * A temporary copy of the migrations folder holding only the first `count` migrations:
 * for building a database as an older version left it (the migration test and bench).
 * The caller removes it.
 */
export function migrationsFolderUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gc-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/**
 * A client whose connection may drop (Postgres restarting during the migrations): the
 * query in flight or the next one fails, which the caller handles; without a listener
 * the client's own 'error' event would crash the process.
 */
function quietClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  return client;
}

/**
 * Connects, creating the database first when it does not exist yet (a fresh machine's
 * first `pnpm start`); needs a user allowed to create databases for that one case.
 */
async function connectCreatingDatabase(url: string): Promise<pg.Client> {
  const client = quietClient(url);
  try {
    await client.connect();
    return client;
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = quietClient(maintenance.toString());
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (err) {
    // Another process starting at the same moment created it first.
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await admin.end();
  }
  const created = quietClient(url);
  await created.connect();
  return created;
}

/**
 * Applies pending migrations; idempotent, and safe when several processes start at once.
 * `folder` (tests of a migration) applies another folder's migrations and nothing else.
 */
export async function runMigrations(url: string, opts: { folder?: string } = {}): Promise<void> {
  const client = await connectCreatingDatabase(url);
  try {
    // Serialise concurrent starters (four containers booting together).
    await client.query('SELECT pg_advisory_lock(7152024)');
    await migrate(drizzle(client), { migrationsFolder: opts.folder ?? MIGRATIONS_FOLDER });
    // Every start makes the coming months' partitions of `mentions` (a stack restarted
    // after a quiet quarter); the scorer keeps them ahead while it runs.
    if (opts.folder) return;
    await ensureMentionPartitions(client);
    // Data step: webhook secrets stored in clear or under a previous key are sealed with
    // GOODCHATTER_SECRET_KEY (see secret-box.ts).
    await resealWebhookSecrets(drizzle(client) as never);
  } finally {
    await client.query('SELECT pg_advisory_unlock(7152024)').catch(() => {});
    await client.end();
  }
}
