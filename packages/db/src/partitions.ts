import type { WarnLogger } from '@goodchatter/core';
import type pg from 'pg';

/** Months of partitions kept ready ahead of now, so posts never wait on DDL. */
export const PARTITION_MONTHS_AHEAD = 3;

type Queryable = Pick<pg.Pool | pg.Client, 'query'>;

/**
 * Creates the monthly `mentions` partitions from last month to `monthsAhead` months from
 * now that do not exist yet (the SQL function from migration 0005, which also moves any
 * rows the default partition caught for them); returns how many it created. Safe to call
 * from many processes at once.
 */
export async function ensureMentionPartitions(
  client: Queryable,
  opts: { monthsAhead?: number; now?: Date } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const months = opts.monthsAhead ?? PARTITION_MONTHS_AHEAD;
  const { rows } = await client.query<{ created: number }>(
    `SELECT ensure_mention_partitions($1::timestamptz - interval '1 month', $1::timestamptz + make_interval(months => $2::int)) AS created`,
    [now.toISOString(), months],
  );
  return rows[0]?.created ?? 0;
}

/** The partitions of `mentions` with their bounds, oldest first (`default` last). */
export async function listMentionPartitions(client: Queryable): Promise<{ name: string; bounds: string }[]> {
  const { rows } = await client.query<{ name: string; bounds: string }>(
    `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'mentions'::regclass
     ORDER BY c.relname = 'mentions_default', c.relname`,
  );
  return rows;
}

export interface PartitionKeeper {
  stop(): void;
}

/**
 * Keeps partitions ahead in a long-running process (the scorer): every `intervalMs` (6 h),
 * since a process may run across a month's end. A failure (Postgres away) is logged and
 * retried at the next tick; meanwhile the default partition takes any post.
 */
export function startPartitionKeeper(
  pool: pg.Pool,
  opts: { intervalMs?: number; logger?: WarnLogger } = {},
): PartitionKeeper {
  const tick = () => {
    ensureMentionPartitions(pool).catch((err: unknown) =>
      opts.logger?.warn({ err }, 'could not create mentions partitions ahead; will retry'),
    );
  };
  const timer = setInterval(tick, opts.intervalMs ?? 6 * 3600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
