import { createHash, randomBytes } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type KudosShareRow, kudosShares } from '../schema/kudos-shares.js';

export interface KudosShare {
  id: number;
  brand: string | null;
  days: number;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
}

const view = (r: KudosShareRow): KudosShare => ({
  id: r.id,
  brand: r.brand,
  days: r.days,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new read-only kudos link; its token is returned here only (the row keeps its hash). */
export async function createKudosShare(
  db: Db,
  input: { brand: string | null; days: number; createdBy: string; expiresAt: Date | null },
): Promise<KudosShare & { token: string }> {
  const token = randomBytes(24).toString('base64url');
  const [row] = await db
    .insert(kudosShares)
    .values({ ...input, tokenHash: tokenHash(token) })
    .returning();
  if (!row) throw new Error('kudos share insert returned nothing');
  return { ...view(row), token };
}

/** Links not revoked (expired ones too, so they can be told apart and revoked), newest first. */
export async function listKudosShares(db: Db): Promise<KudosShare[]> {
  const rows = await db
    .select()
    .from(kudosShares)
    .where(sql`${kudosShares.revokedAt} IS NULL`)
    .orderBy(desc(kudosShares.createdAt), desc(kudosShares.id));
  return rows.map(view);
}

/** Revokes a link at once; false when there is no such live link. */
export async function revokeKudosShare(db: Db, id: number): Promise<boolean> {
  const result = await db.execute(
    sql`UPDATE kudos_shares SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`,
  );
  return (result.rowCount ?? 0) > 0;
}

/** The live (not revoked, not expired) link of a token. */
export async function findKudosShare(db: Db, token: string): Promise<KudosShare | undefined> {
  const [row] = await db
    .select()
    .from(kudosShares)
    .where(
      sql`${kudosShares.tokenHash} = ${tokenHash(token)} AND ${kudosShares.revokedAt} IS NULL
          AND (${kudosShares.expiresAt} IS NULL OR ${kudosShares.expiresAt} > now())`,
    );
  return row && view(row);
}
