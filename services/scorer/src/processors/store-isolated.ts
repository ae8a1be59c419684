import {
  type Database,
  type InsertedMention,
  insertMentions,
  type NewMentionRow,
  type Rejection,
} from '@goodchatter/db';

/**
 * Postgres refused the data itself (data exception, integrity violation, a limit), as
 * opposed to being unreachable: retrying the same rows cannot help.
 */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Stores the rows in one statement; when Postgres refuses the data, stores them one at a
 * time so only the bad ones are set aside (returned as rejections with Postgres' reason).
 * A mention whose tracked query was deleted while it waited is stored without its query,
 * as deleting a query does to stored mentions. Unreachable-database errors are thrown:
 * the job is retried, and rows already stored are kept by ON CONFLICT.
 */
export async function storeIsolated(
  database: Database,
  rows: NewMentionRow[],
): Promise<{ inserted: InsertedMention[]; rejected: Rejection[] }> {
  try {
    return { inserted: await insertMentions(database.db, rows), rejected: [] };
  } catch (err) {
    if (!isDataError(err) || rows.length === 0) throw err;
  }
  const inserted: InsertedMention[] = [];
  const rejected: Rejection[] = [];
  for (const row of rows) {
    try {
      inserted.push(...(await insertOne(database, row)));
    } catch (err) {
      if (!isDataError(err)) throw err;
      rejected.push({ stage: 'score', item: row, reason: `not storable: ${(err as Error).message}` });
    }
  }
  return { inserted, rejected };
}

async function insertOne(database: Database, row: NewMentionRow): Promise<InsertedMention[]> {
  try {
    return await insertMentions(database.db, [row]);
  } catch (err) {
    if ((err as { code?: string }).code !== FOREIGN_KEY_VIOLATION || row.queryId == null) throw err;
    return insertMentions(database.db, [{ ...row, queryId: null }]);
  }
}
