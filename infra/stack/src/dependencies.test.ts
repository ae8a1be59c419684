import { createDatabase, postgresDependency } from '@goodchatter/db';
import { bullmqSetupProblems, redisDependency } from '@goodchatter/queues';
import { closedPort, createTestEnv, type TestEnv } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The start-up checks of packages/db (postgres-ready.ts) and packages/queues (redis-ready.ts),
// against the real Postgres and Redis and against ports nothing listens on.
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.cleanup());

/** The error Postgres itself answers `sql` with (a pg DatabaseError, SQLSTATE in `code`). */
async function sqlError(sql: string): Promise<unknown> {
  const database = createDatabase(env.databaseUrl, { max: 1 });
  try {
    return await database.pool.query(sql).then(
      () => undefined,
      (err: unknown) => err,
    );
  } finally {
    await database.close();
  }
}

const withUrl = (url: string, change: (u: URL) => void) => {
  const u = new URL(url);
  change(u);
  return u.toString();
};

describe('postgresDependency', () => {
  it('answers for a reachable database, and for one that does not exist yet (migrate creates it)', async () => {
    await postgresDependency(env.databaseUrl).check();
    await postgresDependency(withUrl(env.databaseUrl, (u) => (u.pathname = '/gc_not_created_yet'))).check();
  });

  it('fails with the connection error when nothing listens, and counts it as worth retrying', async () => {
    const port = await closedPort();
    const dep = postgresDependency(withUrl(env.databaseUrl, (u) => (u.port = String(port))));
    const err = await dep.check().catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ECONNREFUSED');
    expect(dep.permanent?.(err)).toBeUndefined();
  });

  it('calls an unknown role a refusal retrying cannot fix', async () => {
    const dep = postgresDependency(withUrl(env.databaseUrl, (u) => (u.username = 'gc_no_such_role')));
    const err = await dep.check().catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('28000');
    expect(dep.permanent?.(err)).toMatch(/check the user in DATABASE_URL/);
  });
});

describe('postgresDependency with migrate (the entry points)', () => {
  it('answers once the migrations are applied (none pending on a migrated database)', async () => {
    await postgresDependency(env.databaseUrl, { migrate: true }).check();
  });

  it('retries Postgres going away, during the migrations too; a migration failing on its own stops', async () => {
    const dep = postgresDependency(env.databaseUrl, { migrate: true });
    const port = await closedPort();
    const down = await postgresDependency(
      withUrl(env.databaseUrl, (u) => (u.port = String(port))),
      {
        migrate: true,
      },
    )
      .check()
      .catch((e: unknown) => e);
    expect((down as { code?: string }).code).toBe('ECONNREFUSED');
    expect(dep.permanent?.(down)).toBeUndefined();
    // What a restart looks like to a client mid-migration, and a server shutting down.
    expect(dep.permanent?.(new Error('Connection terminated unexpectedly'))).toBeUndefined();
    const shuttingDown = await sqlError(`DO $$ BEGIN RAISE EXCEPTION 'going down' USING ERRCODE = '57P01'; END $$`);
    expect((shuttingDown as { code?: string }).code).toBe('57P01');
    expect(dep.permanent?.(shuttingDown)).toBeUndefined();
    const broken = await sqlError('SELEC 1');
    expect((broken as { code?: string }).code).toBe('42601');
    expect(dep.permanent?.(broken)).toBe('the migrations could not be applied');
  });
});

describe('redisDependency', () => {
  it('answers for a reachable Redis, and gives advice as lines naming it', async () => {
    const dep = redisDependency(env.redisUrl);
    await dep.check();
    const advice = await dep.advice();
    for (const line of advice) expect(line).toMatch(/^Redis at redis:\/\//);
  });

  it('fails with the socket error (not a bare "Connection is closed") when nothing listens', async () => {
    const dep = redisDependency(`redis://127.0.0.1:${await closedPort()}`);
    const err = await dep.check().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
    expect(dep.permanent?.(err)).toBeUndefined();
  });
});

describe('bullmqSetupProblems', () => {
  it('accepts AOF or RDB persistence with noeviction', () => {
    expect(bullmqSetupProblems({ appendonly: 'yes', save: '', 'maxmemory-policy': 'noeviction' })).toEqual([]);
    expect(bullmqSetupProblems({ appendonly: 'no', save: '3600 1', 'maxmemory-policy': 'noeviction' })).toEqual([]);
  });

  it('names what is missing: persistence, and an eviction policy that may drop jobs', () => {
    const problems = bullmqSetupProblems({ appendonly: 'no', save: '', 'maxmemory-policy': 'allkeys-lru' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/persistence is off.*appendonly yes/);
    expect(problems[1]).toMatch(/maxmemory-policy is allkeys-lru.*noeviction/);
  });
});
