import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Scope } from '@goodchatter/core';
import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type ApiKeyRow, apiKeys } from '../schema/api-keys.js';

// The scopes are core's; re-exported for the callers that import them from here.
export { SCOPES, type Scope } from '@goodchatter/core';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Constant-time equality of two hex digests (never short-circuits on the first differing byte). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: Date;
}

const view = (r: ApiKeyRow): ApiKeyView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as Scope[],
  createdAt: r.createdAt,
});

/** Creates a key; the secret is returned here once and only its hash is stored. */
export async function createApiKey(
  db: Db,
  input: { name: string; scopes: Scope[] },
): Promise<ApiKeyView & { key: string }> {
  const key = `gc_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: `key_${randomBytes(8).toString('hex')}`,
      name: input.name,
      prefix: key.slice(0, 10),
      hash: hashKey(key),
      scopes: [...new Set(input.scopes)],
    })
    .returning();
  if (!row) throw new Error('api key insert returned nothing');
  return { ...view(row), key };
}

export async function listApiKeys(db: Db): Promise<ApiKeyView[]> {
  const rows = await db.select().from(apiKeys).where(isNull(apiKeys.revokedAt)).orderBy(desc(apiKeys.createdAt));
  return rows.map(view);
}

/** Revokes a key; returns its hash (for cache eviction), or undefined when no such live key. */
export async function revokeApiKey(db: Db, id: string): Promise<{ hash: string } | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(sql`${apiKeys.id} = ${id} AND ${apiKeys.revokedAt} IS NULL`)
    .returning({ hash: apiKeys.hash });
  return row;
}

/**
 * The live key whose hash this is. The lookup goes by hash (a unique index); the stored
 * digest is then compared in constant time as well, so nothing about a near-miss leaks.
 */
export async function findApiKey(db: Db, hash: string): Promise<ApiKeyView | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.hash, hash));
  if (!row || row.revokedAt || !sameHash(row.hash, hash)) return undefined;
  return view(row);
}
