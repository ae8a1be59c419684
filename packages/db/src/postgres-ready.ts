import type { Dependency } from '@goodchatter/core';
import pg from 'pg';

// Codes Postgres answers with when the login itself is refused: retrying cannot help.
const REFUSED: Record<string, string> = {
  '28P01': 'wrong password; check DATABASE_URL',
  '28000': 'that role may not log in; check the user in DATABASE_URL',
};

/**
 * Postgres as a start-up dependency: answered once a login succeeds. A database that does
 * not exist yet counts as answering, since the migrate step creates it.
 */
export function postgresDependency(url: string): Dependency {
  return {
    name: 'Postgres',
    url,
    async check() {
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
    },
    permanent: (err) => REFUSED[(err as { code?: string }).code ?? ''],
  };
}
