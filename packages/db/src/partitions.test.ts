import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from './client.js';
import { migrationsFolderUpTo, runMigrations } from './migrate.js';
import { ensureMentionPartitions, listMentionPartitions, startPartitionKeeper } from './partitions.js';
import { mentionRow } from './test/mention-row.js';
import { insertMentions } from './verbs/mentions-write.js';

// Migration 0005 turns the flat `mentions` table into monthly partitions. This test builds
// a database at 0004, fills it, migrates, and checks nothing was lost or loosened.
const BEFORE_PARTITIONING = 5; // migrations 0000–0004

const adminUrl = () => inject('adminDatabaseUrl');
const dbName = `gc_t_part_${process.pid}_${Date.now().toString(36)}`;
let url: string;
let database: Database;
let folder: string;
// Rows as they were before the migration, by id, in a comparable form.
let before: Map<string, string>;

const ROW_JSON = `SELECT id::text AS id, (to_jsonb(m) - 'id')::text AS row FROM mentions m ORDER BY id`;

async function rowsById(pool: pg.Pool): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; row: string }>(ROW_JSON);
  return new Map(rows.map((r) => [r.id, r.row]));
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${dbName}`;
  url = u.toString();
  folder = migrationsFolderUpTo(BEFORE_PARTITIONING);
  await runMigrations(url, { folder });
  database = createDatabase(url, { max: 4 });
  const pool = database.pool;
  // 240 mentions over 24 months of 2025–2026, one from 2009 and one dated far ahead
  // (a bad clock), some with workflow events and webhook events pointing at them.
  await pool.query(
    `INSERT INTO mentions (source, external_id, brand, author_handle, author_followers, text, lang, posted_at,
       ingested_at, label, score, confidence, reasons, staff, classifier_version, status, label_override)
     SELECT CASE WHEN g % 3 = 0 THEN 'mastodon' ELSE 'x' END, 'old-' || g, 'Acme', 'user' || g, g * 10,
       'thanks Maria, order ' || g, 'en',
       timestamptz '2025-01-01 00:00:00+00' + (g * interval '3 days') + (g * interval '7 minutes'),
       now(), (ARRAY['praise','complaint','neutral','mixed'])[1 + g % 4], 0.5, 0.9,
       '["seed"]'::jsonb, '["Maria"]'::jsonb, 'v1', CASE WHEN g % 5 = 0 THEN 'thanked' ELSE 'new' END,
       CASE WHEN g % 7 = 0 THEN 'praise' END
     FROM generate_series(1, 240) AS g`,
  );
  await pool.query(
    `INSERT INTO mentions (source, external_id, author_handle, text, posted_at, ingested_at, label, score,
       confidence, reasons, staff, classifier_version)
     VALUES ('x', 'ancient', 'a', 'an old post', '2009-06-15T12:00:00Z', now(), 'neutral', 0, 0.5, '[]', '[]', 'v1'),
            ('x', 'future', 'f', 'clock ahead', '2099-03-01T00:00:00Z', now(), 'praise', 1, 0.99, '[]', '[]', 'v1')`,
  );
  // Gaps in the ids (deleted rows) must survive as they are.
  await pool.query(`DELETE FROM mentions WHERE external_id IN ('old-17', 'old-18')`);
  await pool.query(
    `INSERT INTO mention_events (mention_id, kind, key_id, from_status, to_status)
     SELECT id, 'status', 'k1', 'new', 'thanked' FROM mentions WHERE status = 'thanked'`,
  );
  await pool.query(
    `INSERT INTO webhook_events (id, type, mention_id, data)
     SELECT 'evt_' || id, 'mention.praise', id, '{}'::jsonb FROM mentions WHERE label = 'praise'`,
  );
  before = await rowsById(pool);
  await runMigrations(url);
}, 120_000);

afterAll(async () => {
  await database?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

describe('migration 0005: mentions partitioned by month', () => {
  it('keeps every row, with its id and every column', async () => {
    const after = await rowsById(database.pool);
    expect(before.size).toBe(240);
    expect(after.size).toBe(before.size);
    for (const [id, row] of before) expect(after.get(id), `mention ${id}`).toBe(row);
  });

  it('makes mentions a partitioned table with one partition per month that had rows, and the months around now', async () => {
    const { rows } = await database.pool.query<{ kind: string }>(
      `SELECT relkind AS kind FROM pg_class WHERE relname = 'mentions'`,
    );
    expect(rows[0]?.kind).toBe('p');
    const names = (await listMentionPartitions(database.pool)).map((p) => p.name);
    expect(names).toContain('mentions_2009_06');
    expect(names).toContain('mentions_2025_01');
    expect(names).toContain('mentions_2026_12');
    expect(names).toContain('mentions_2099_03');
    const now = new Date();
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    expect(names).toContain(`mentions_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`);
    // Months with no rows far from now get none (2009 to 2025 is not filled in).
    expect(names).not.toContain('mentions_2010_01');
    expect(names.at(-1)).toBe('mentions_default');
    const { rows: inDefault } = await database.pool.query('SELECT 1 FROM mentions_default');
    expect(inDefault).toHaveLength(0);
    // Rows sit in their own month's partition.
    const { rows: placed } = await database.pool.query<{ part: string; month: string }>(
      `SELECT tableoid::regclass::text AS part, to_char(posted_at AT TIME ZONE 'UTC', 'YYYY_MM') AS month FROM mentions`,
    );
    for (const r of placed) expect(r.part).toBe(`mentions_${r.month}`);
  });

  it('keeps (source, external id) unique across partitions, even when the post comes back with another date', async () => {
    const { rows: dup } = await database.pool.query<{ id: string }>(
      `SELECT id FROM mentions WHERE external_id = 'old-1'`,
    );
    const again = await insertMentions(database.db, [
      mentionRow('old-1', {
        source: 'x',
        text: 'edited, dated another year',
        postedAt: new Date('2026-08-09T10:00:00Z'),
        label: 'complaint',
      }),
    ]);
    expect(again).toEqual([]);
    const { rows } = await database.pool.query<{ id: string; text: string }>(
      `SELECT id, text FROM mentions WHERE source = 'x' AND external_id = 'old-1'`,
    );
    expect(rows).toEqual([{ id: dup[0]?.id, text: 'thanks Maria, order 1' }]);
    // The key table refuses a second key outright.
    await expect(
      database.pool.query(`INSERT INTO mention_keys (source, external_id) VALUES ('x', 'old-1')`),
    ).rejects.toThrow(/mention_keys_source_external_id_key/);
  });

  it('carries the id sequence on after the highest old id', async () => {
    const maxBefore = Math.max(...[...before.keys()].map(Number));
    const [inserted] = await insertMentions(database.db, [
      mentionRow('new-after-migration', { source: 'x', text: 'brand new', postedAt: new Date(), label: 'praise' }),
    ]);
    expect(inserted?.id).toBeGreaterThan(maxBefore);
  });

  it('points workflow and webhook events at the kept ids, and deleting a mention still deletes its events', async () => {
    const { rows } = await database.pool.query<{ orphans: number; events: number }>(
      `SELECT count(*) FILTER (WHERE m.id IS NULL)::int AS orphans, count(*)::int AS events
       FROM mention_events e LEFT JOIN mentions m ON m.id = e.mention_id`,
    );
    expect(rows[0]?.events).toBeGreaterThan(0);
    expect(rows[0]?.orphans).toBe(0);
    const { rows: fks } = await database.pool.query<{ name: string; target: string }>(
      `SELECT conname AS name, confrelid::regclass::text AS target FROM pg_constraint
       WHERE contype = 'f' AND conrelid IN ('mention_events'::regclass, 'webhook_events'::regclass, 'mentions'::regclass)
         AND confrelid <> 'tracked_queries'::regclass`,
    );
    expect(fks.map((f) => f.target)).toEqual(['mention_keys', 'mention_keys', 'mention_keys']);
    const { rows: victim } = await database.pool.query<{ id: string }>(
      `SELECT mention_id::text AS id FROM webhook_events LIMIT 1`,
    );
    await database.pool.query('DELETE FROM mention_keys WHERE id = $1', [victim[0]?.id]);
    const { rows: left } = await database.pool.query(
      `SELECT 1 FROM mentions WHERE id = $1 UNION ALL SELECT 1 FROM webhook_events WHERE mention_id = $1
       UNION ALL SELECT 1 FROM mention_events WHERE mention_id = $1`,
      [victim[0]?.id],
    );
    expect(left).toHaveLength(0);
  });
});

describe('partitions created ahead', () => {
  it('sends a post from a month with no partition to the default one, and moves it when the month is created', async () => {
    const [row] = await insertMentions(database.db, [
      mentionRow('far-ahead', {
        source: 'x',
        text: 'from 2077',
        postedAt: new Date('2077-05-20T08:00:00Z'),
        label: 'praise',
      }),
    ]);
    const where = async () =>
      (
        await database.pool.query<{ part: string }>(
          'SELECT tableoid::regclass::text AS part FROM mentions WHERE id = $1',
          [row?.id],
        )
      ).rows[0]?.part;
    expect(await where()).toBe('mentions_default');
    // Three processes at once: each month is created once, nobody fails.
    const created = await Promise.all(
      [1, 2, 3].map(() =>
        ensureMentionPartitions(database.pool, { now: new Date('2077-05-02T00:00:00Z'), monthsAhead: 2 }),
      ),
    );
    expect(created.reduce((a, b) => a + b, 0)).toBe(4); // 2077-04 … 2077-07
    expect(await where()).toBe('mentions_2077_05');
    const { rows } = await database.pool.query('SELECT 1 FROM mentions_default');
    expect(rows).toHaveLength(0);
  });

  it('gives a new partition every index of the parent', async () => {
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'mentions_2077_06'`,
    );
    const { rows: parent } = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'mentions'`,
    );
    expect(parent[0]?.n).toBe(15);
    expect(rows[0]?.n).toBe(parent[0]?.n);
  });

  it('is kept ahead by a running process (the scorer), which recreates a missing month', async () => {
    const now = new Date();
    const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 3, 1));
    const name = `mentions_${ahead.getUTCFullYear()}_${String(ahead.getUTCMonth() + 1).padStart(2, '0')}`;
    await database.pool.query(`DROP TABLE ${name}`);
    const names = async () => (await listMentionPartitions(database.pool)).map((p) => p.name);
    expect(await names()).not.toContain(name);
    const keeper = startPartitionKeeper(database.pool, { intervalMs: 50 });
    try {
      await expect.poll(names, { timeout: 10_000 }).toContain(name);
    } finally {
      keeper.stop();
    }
  });
});
