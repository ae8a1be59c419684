import type pg from 'pg';

/**
 * Seeds `n` synthetic scored mentions in one INSERT … SELECT over generate_series: a
 * million rows in well under a minute. The table's indexes are dropped first and rebuilt
 * after (one sorted build each beats a million incremental inserts), from their own
 * definitions, so the bench measures exactly the migrated indexes.
 */
export async function seedMentions(pool: pg.Pool, n: number): Promise<void> {
  const { rows: indexes } = await pool.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'mentions' AND indexname NOT IN ('mentions_pkey', 'mentions_source_external_id_key')`,
  );
  for (const i of indexes) await pool.query(`DROP INDEX ${i.indexname}`);
  await pool.query(
    `INSERT INTO mentions (source, external_id, brand, author_id, author_handle, author_name, author_followers,
       text, lang, url, posted_at, ingested_at, scored_at, label, score, confidence, reasons, staff,
       classifier_version, status)
     SELECT 'bench', 'b' || g, (ARRAY['Acme Air', 'Northwind Bank', 'Zephyr Mobile'])[1 + g % 3],
       'a' || (g % 50000), 'user' || (g % 50000), 'User ' || (g % 50000),
       -- Heavy-tailed reach: most authors small, a few large.
       floor(power(random(), 4) * 200000)::int,
       (ARRAY['Thank you Maria for the amazing help, order ', 'Terrible service, still waiting on order ',
              'Is my order shipping today? ', 'Love the app but the login keeps failing, ticket '])[1 + g % 4] || g,
       CASE WHEN g % 10 = 0 THEN 'de' ELSE 'en' END,
       'https://x.com/i/status/' || g,
       now() - (g * interval '2.6 seconds'),
       now() - (g * interval '2.6 seconds') + interval '2 seconds',
       now() - (g * interval '2.6 seconds') + interval '3 seconds',
       (ARRAY['praise', 'complaint', 'neutral', 'mixed'])[1 + (g % 4)],
       random() * 2 - 1, 0.5 + random() / 2,
       '["bench"]'::jsonb,
       CASE WHEN g % 4 = 0 THEN '["Maria"]'::jsonb ELSE '[]'::jsonb END,
       'bench',
       (ARRAY['new', 'new', 'new', 'new', 'new', 'new', 'new', 'thanked', 'rewarded', 'dismissed'])[1 + (g / 4) % 10]
     FROM generate_series(1, $1::int) AS g`,
    [n],
  );
  for (const i of indexes) await pool.query(i.indexdef);
  await pool.query('ANALYZE mentions');
}
