import type { Dependency } from '@goodchatter/core';
import pg from 'pg';
import { runMigrations } from './migrate.js';

// Codes Postgres answers with when the login itself is refused: retrying cannot help.
const REFUSED: Record<string, string> = {
  '28P01': 'wrong password; check DATABASE_URL',
  '28000': 'that role may not log in; check the user in DATABASE_URL',
};

/**
 * Postgres going away rather than saying no: a socket error (ECONNREFUSED, ECONNRESET,
 * …), a connection dropped mid-query, or a SQLSTATE of class 08 or 57P01–57P03 (shutting
 * down, starting up), 53300 (too many connections).
 */
export function isConnectionTrouble(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (err instanceof pg.DatabaseError) return /^(08|57P0[123]|53300)/.test(String(code));
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|not queryable/i.test(err.message);
}

/**
 * Postgres as a start-up dependency: answered once a login succeeds. A database that does
 * not exist yet counts as answering, since the migrate step creates it.
 *
 * With `migrate`, answered once the pending migrations are applied (creating the database
 * when missing): the entry points' form, so Postgres going away during the migrations — a
 * restart just after it first answered — is waited out like any other start-up wait,
 * never an unhandled crash. A migration that fails on its own (not for the connection)
 * stops start-up at once.
 */
export function postgresDependency(url: string, opts: { migrate?: boolean } = {}): Dependency {
  return {
    name: 'Postgres',
    url,
    check: opts.migrate ? () => runMigrations(url) : () => login(url),
    permanent: (err) => {
      const refused = REFUSED[(err as { code?: string }).code ?? ''];
      if (refused || !opts.migrate) return refused;
      return isConnectionTrouble(err) ? undefined : 'the migrations could not be applied';
    },
  };
}

async function login(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    if ((err as { code?: string }).code === '3D000') return;
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}
