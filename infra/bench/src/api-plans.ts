import { type Database, dailyStats, kudos, listFeedJson, listMentionsJson } from '@goodchatter/db';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

interface Captured {
  text: string;
  values: unknown[];
}

/**
 * Runs a verb once with the pool's queries recorded, then EXPLAIN ANALYZEs the SQL it sent:
 * the plan, not a timing, says whether a read stays an index read as the table grows.
 */
async function planOf(database: Database, run: () => Promise<unknown>) {
  const pool = database.pool;
  const original = pool.query.bind(pool);
  let captured: Captured | undefined;
  // Records the last statement; the verb itself still runs against Postgres as usual.
  pool.query = ((config: unknown, values?: unknown[]) => {
    if (typeof config === 'string') captured = { text: config, values: values ?? [] };
    else if (config && typeof config === 'object' && 'text' in config) {
      const c = config as { text: string; values?: unknown[] };
      captured = { text: c.text, values: c.values ?? values ?? [] };
    }
    return original(config as never, values as never);
  }) as typeof pool.query;
  try {
    await run();
  } finally {
    pool.query = original as typeof pool.query;
  }
  if (!captured) throw new Error('the verb sent no query');
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${captured.text}`,
    captured.values,
  );
  const explained = rows[0]?.['QUERY PLAN'][0];
  if (!explained) throw new Error('EXPLAIN returned nothing');
  const scans = new Map<string, number>();
  const partitions = new Set<string>();
  let seqRows = 0;
  const walk = (n: PlanNode) => {
    const rel = n['Relation Name'];
    if (rel?.startsWith('mentions')) {
      partitions.add(rel);
      scans.set(n['Node Type'], (scans.get(n['Node Type']) ?? 0) + 1);
      if (n['Node Type'] === 'Seq Scan') seqRows += (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(explained.Plan);
  return {
    'scans of mentions': [...scans].map(([k, v]) => `${k} ×${v}`).join(', '),
    'partitions read': partitions.size,
    'rows from seq scans': seqRows,
    'ms (EXPLAIN ANALYZE)': Math.round(explained['Execution Time'] * 10) / 10,
  };
}

/** The plans behind the feed, a filtered list, kudos and stats (last 30 days), in a table. */
export async function printReadPlans(database: Database): Promise<void> {
  const db = database.db;
  const until = new Date();
  const since = new Date(until.getTime() - 30 * 86_400_000);
  const reads: [string, () => Promise<unknown>][] = [
    ['feed page (50)', () => listFeedJson(db, {}, { limit: 50 })],
    [
      'mentions: praise, brand, ≥1000 followers (50)',
      () => listMentionsJson(db, { label: 'praise', brand: 'Acme Air', minFollowers: 1000 }, { limit: 50 }),
    ],
    ['mentions: staff Maria (50)', () => listMentionsJson(db, { staff: 'Maria' }, { limit: 50 })],
    ['kudos, 30 days', () => kudos(db, { since, until }, 50)],
    ['stats, 30 days', () => dailyStats(db, { since, until })],
    [
      'stats, 1 day, one brand',
      () => dailyStats(db, { since: new Date(until.getTime() - 86_400_000), until, brand: 'Acme Air' }),
    ],
  ];
  const table: Record<string, unknown>[] = [];
  for (const [name, run] of reads) table.push({ read: name, ...(await planOf(database, run)) });
  console.log('\nQuery plans (EXPLAIN ANALYZE of the SQL each verb sends):');
  console.table(table);
}
