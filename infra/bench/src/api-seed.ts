import { SCORED_LABELS } from '@goodchatter/core';
import type pg from 'pg';

/** Seconds between synthetic posts: 10M rows span ≈ 10 months, so ≈ 11 monthly partitions. */
const SPACING_S = 2.6;
const CHUNK = 1_000_000;

/**
 * The columns and values of synthetic mention `g` (an integer series): three brands, four
 * labels, heavy-tailed reach, posts 2.6 s apart back from now. Shared by the API bench and
 * the migration bench (`migration.ts`), which seeds the table before it is partitioned.
 */
export const SYNTHETIC_COLUMNS = `source, external_id, brand, author_id, author_handle, author_name, author_followers,
           text, lang, url, posted_at, ingested_at, scored_at, label, score, confidence, reasons, staff,
           classifier_version, status`;
export const SYNTHETIC_VALUES = `'bench', 'b' || g, (ARRAY['Acme Air', 'Northwind Bank', 'Zephyr Mobile'])[1 + g % 3],
           'a' || (g % 50000), 'user' || (g % 50000), 'User ' || (g % 50000),
           -- Heavy-tailed reach: most authors small, a few large.
           floor(power(random(), 4) * 200000)::int,
           (ARRAY['Thank you Maria for the amazing help, order ', 'Terrible service, still waiting on order ',
                  'Is my order shipping today? ', 'Love the app but the login keeps failing, ticket '])[1 + g % 4] || g,
           CASE WHEN g % 10 = 0 THEN 'de' ELSE 'en' END,
           'https://x.com/i/status/' || g,
           now() - (g * interval '${SPACING_S} seconds'),
           now() - (g * interval '${SPACING_S} seconds') + interval '2 seconds',
           now() - (g * interval '${SPACING_S} seconds') + interval '3 seconds',
           (ARRAY[${SCORED_LABELS.map((l) => `'${l}'`).join(', ')}])[1 + (g % ${SCORED_LABELS.length})],
           random() * 2 - 1, 0.5 + random() / 2,
           '["bench"]'::jsonb,
           -- One post in 40 names a person (one praise in ten): kudos are a slice of praise.
           CASE WHEN g % 40 = 0 THEN '["Maria"]'::jsonb ELSE '[]'::jsonb END,
           'bench',
           (ARRAY['new', 'new', 'new', 'new', 'new', 'new', 'new', 'thanked', 'rewarded', 'dismissed'])[1 + (g / 4) % 10]`;

/**
 * Seeds `n` synthetic scored mentions with INSERT … SELECT over generate_series, a million
 * rows per statement. `mentions` is partitioned by month (migration 0005): the months the
 * rows span are created first, the parent's indexes and its key to `mention_keys` are
 * dropped and rebuilt after (one sorted build per partition beats millions of incremental
 * inserts), from their own definitions, so the bench measures exactly the migrated ones.
 */
export async function seedMentions(pool: pg.Pool, n: number, log: (line: string) => void): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SELECT ensure_mention_partitions(now() - $1::int * interval '${SPACING_S} seconds', now())`, [
      n,
    ]);
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'mentions' AND indexname <> 'mentions_pkey'`,
    );
    for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
    const { rows: fks } = await client.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = 'mentions'::regclass AND contype = 'f'`,
    );
    for (const f of fks) await client.query(`ALTER TABLE mentions DROP CONSTRAINT ${f.name}`);
    for (let from = 1; from <= n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK - 1);
      await client.query(
        `INSERT INTO mention_keys (id, source, external_id) SELECT g, 'bench', 'b' || g FROM generate_series($1::int, $2::int) AS g`,
        [from, to],
      );
      await client.query(
        `INSERT INTO mentions (id, ${SYNTHETIC_COLUMNS}) SELECT g, ${SYNTHETIC_VALUES} FROM generate_series($1::int, $2::int) AS g`,
        [from, to],
      );
      log(`  ${to.toLocaleString('en')} rows`);
    }
    await client.query(`SELECT setval('mention_keys_id_seq', $1::bigint)`, [n]);
    for (const i of indexes) {
      const started = performance.now();
      // A partitioned index reads `ON ONLY mentions`; built on the parent it covers every partition.
      await client.query(i.indexdef.replace(' ON ONLY ', ' ON '));
      log(`  index ${i.indexname}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    for (const f of fks) await client.query(`ALTER TABLE mentions ADD CONSTRAINT ${f.name} ${f.def}`);
    await client.query('ANALYZE mentions');
    await client.query('ANALYZE mention_keys');
  } finally {
    client.release();
  }
}
