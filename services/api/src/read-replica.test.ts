import { createDatabase, type Database, insertMentions } from '@goodchatter/db';
import { closedPort, createTestEnv, mentionRow, type TestEnv } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './test/api-harness.js';

// DATABASE_READ_URL: lists, reports and exports read the replica; single reads and writes
// the primary. The "replica" here is a second database holding other rows, so every
// answer shows which one it came from.
describe('a read replica (DATABASE_READ_URL)', () => {
  let replicaEnv: TestEnv;
  let replica: Database;
  let h: Harness;
  let onPrimary: number;

  beforeAll(async () => {
    replicaEnv = await createTestEnv();
    replica = createDatabase(replicaEnv.databaseUrl);
    h = await startHarness({ readDatabase: replica });
    const recent = new Date(Date.now() - 3600_000);
    const [stored] = await insertMentions(h.database.db, [
      mentionRow({
        externalId: 'primary-1',
        label: 'praise',
        confidence: 0.99,
        postedAt: recent,
        text: 'on the primary',
      }),
    ]);
    onPrimary = stored?.id ?? 0;
    await insertMentions(replica.db, [
      mentionRow({
        externalId: 'replica-1',
        label: 'praise',
        confidence: 0.99,
        postedAt: recent,
        text: 'on the replica, thanks Maria',
        staff: ['Maria'],
        brand: 'Acme',
      }),
    ]);
  });

  afterAll(async () => {
    await h?.close();
    await replica?.close();
    await replicaEnv?.cleanup();
  });

  it('serves the mention list, the feed and the CSV export from the replica', async () => {
    const list = await h.call({ method: 'GET', url: '/v1/mentions' });
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: { externalId: string }) => m.externalId)).toEqual(['replica-1']);
    const feed = await h.call({ method: 'GET', url: '/v1/feed' });
    expect(feed.body.data.map((m: { externalId: string }) => m.externalId)).toEqual(['replica-1']);
    const csv = await h.call({ method: 'GET', url: '/v1/mentions.csv' });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('replica-1');
    expect(csv.text).not.toContain('primary-1');
  });

  it('serves kudos and stats from the replica', async () => {
    const kudos = await h.call({ method: 'GET', url: '/v1/kudos' });
    expect(kudos.status).toBe(200);
    expect(kudos.body.data.map((k: { staff: string }) => k.staff)).toEqual(['Maria']);
    const stats = await h.call({ method: 'GET', url: '/v1/stats' });
    expect(stats.body.data.map((d: { brand: string | null }) => d.brand)).toEqual(['Acme']);
  });

  it('reads one mention and writes on the primary, so a change is seen at once', async () => {
    expect((await h.call({ method: 'GET', url: `/v1/mentions/${onPrimary}` })).body.externalId).toBe('primary-1');
    const patched = await h.call({
      method: 'PATCH',
      url: `/v1/mentions/${onPrimary}`,
      key: h.keys.write,
      payload: { status: 'thanked' },
    });
    expect(patched.status).toBe(200);
    const { rows } = await h.database.pool.query('SELECT status FROM mentions WHERE id = $1', [onPrimary]);
    expect(rows[0]?.status).toBe('thanked');
    const { rows: untouched } = await replica.pool.query(`SELECT status FROM mentions`);
    expect(untouched.map((r) => r.status)).toEqual(['new']);
  });

  it('reports the replica in /readyz, and is not ready while it is down', async () => {
    const ready = await h.call({ method: 'GET', url: '/readyz', key: null });
    expect(ready.status).toBe(200);
    expect(ready.body.postgresReplica).toEqual({ status: 'ok' });

    const down = createDatabase(`postgres://postgres@127.0.0.1:${await closedPort()}/nowhere`);
    const broken = await startHarness({ readDatabase: down });
    try {
      const r = await broken.call({ method: 'GET', url: '/readyz', key: null });
      expect(r.status).toBe(503);
      expect(r.body.postgres.status).toBe('ok');
      expect(r.body.postgresReplica.status).toBe('down');
      // Lists fail clearly; single reads still work off the primary.
      const list = await broken.call({ method: 'GET', url: '/v1/mentions' });
      expect(list.status).toBeGreaterThanOrEqual(500);
      expect(list.body.error).toBeTruthy();
    } finally {
      await broken.close();
      await down.close();
    }
  });
});
