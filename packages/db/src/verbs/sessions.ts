import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, signInLinks } from '../schema/sessions.js';
import { hashKey } from './api-keys.js';

/**
 * Whose a session or sign-in link is: a stored key (`apiKeyId`), or the unstored
 * GOODCHATTER_ADMIN_KEY (`apiKeyId` null), known only by its hash.
 */
export interface SessionOwner {
  apiKeyId: string | null;
  keyHash: string;
}

/** The owner for the GOODCHATTER_ADMIN_KEY (what `pnpm start` signs its link in with). */
export const envAdminOwner = (adminKey: string): SessionOwner => ({ apiKeyId: null, keyHash: hashKey(adminKey) });

/** 256-bit random tokens; rows hold their SHA-256 only, like API keys. */
const newToken = () => randomBytes(32).toString('base64url');
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a session for `owner`; expired sessions are swept on the way (bounded, indexed). */
export async function createSession(db: Db, owner: SessionOwner, ttlMs: number): Promise<NewSession> {
  await db.execute(sql`DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < now() LIMIT 1000)`);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.insert(sessions).values({ id: tokenHash(token), ...owner, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

/** A live (unexpired) session, with its stored key as it is now (null for the env admin key). */
export interface FoundSession {
  apiKeyId: string | null;
  keyHash: string;
  csrfToken: string;
  expiresAt: Date;
  /** The stored key, unless the session is the env admin key's; `revoked` when it was revoked. */
  key: { id: string; name: string; scopes: string[]; revoked: boolean } | null;
}

/**
 * The unexpired session of a cookie token, read together with its key's revocation state
 * on every call (so a revoked key's sessions stop at once in every API process). Marks it
 * seen, at most once a minute, in the same statement.
 */
export async function findSession(db: Db, token: string): Promise<FoundSession | undefined> {
  const result = await db.execute<{
    api_key_id: string | null;
    key_hash: string;
    csrf_token: string;
    expires_at: string;
    key_name: string | null;
    key_scopes: string[] | null;
    key_revoked: boolean | null;
  }>(sql`
    WITH found AS (
      SELECT s.id, s.api_key_id, s.key_hash, s.csrf_token, s.expires_at, s.last_seen_at,
             k.name AS key_name, k.scopes AS key_scopes, (k.revoked_at IS NOT NULL) AS key_revoked
      FROM sessions s LEFT JOIN api_keys k ON k.id = s.api_key_id
      WHERE s.id = ${tokenHash(token)} AND s.expires_at > now()
    ), seen AS (
      UPDATE sessions SET last_seen_at = now()
      WHERE id IN (SELECT id FROM found WHERE last_seen_at < now() - interval '1 minute')
    )
    SELECT api_key_id, key_hash, csrf_token, expires_at, key_name, key_scopes, key_revoked FROM found`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    apiKeyId: row.api_key_id,
    keyHash: row.key_hash,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    key:
      row.api_key_id === null
        ? null
        : {
            id: row.api_key_id,
            name: row.key_name ?? '',
            scopes: row.key_scopes ?? [],
            // A key deleted outright takes its sessions with it (cascade); treat a miss as revoked.
            revoked: row.key_revoked !== false,
          },
  };
}

/** Ends a session; true when there was one. */
export async function deleteSession(db: Db, token: string): Promise<boolean> {
  const result = await db.execute(sql`DELETE FROM sessions WHERE id = ${tokenHash(token)}`);
  return (result.rowCount ?? 0) > 0;
}

/** A one-time sign-in token for `owner`, valid for `ttlMs`; spent and expired links are swept. */
export async function createSignInLink(
  db: Db,
  owner: SessionOwner,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  await db.execute(sql`
    DELETE FROM sign_in_links WHERE token_hash IN (
      SELECT token_hash FROM sign_in_links WHERE expires_at < now() LIMIT 1000)`);
  const token = newToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.insert(signInLinks).values({ tokenHash: tokenHash(token), ...owner, expiresAt });
  return { token, expiresAt };
}

/**
 * Spends a sign-in token: one UPDATE marks it used only if it is unused and unexpired, so
 * of two requests racing with the same token exactly one gets the owner back.
 */
export async function redeemSignInLink(db: Db, token: string): Promise<SessionOwner | undefined> {
  const result = await db.execute<{ api_key_id: string | null; key_hash: string }>(sql`
    UPDATE sign_in_links SET used_at = now()
    WHERE token_hash = ${tokenHash(token)} AND used_at IS NULL AND expires_at > now()
    RETURNING api_key_id, key_hash`);
  const row = result.rows[0];
  return row ? { apiKeyId: row.api_key_id, keyHash: row.key_hash } : undefined;
}

/** The owner for a live stored key, by its id (undefined when unknown or revoked). */
export async function storedKeyOwner(db: Db, apiKeyId: string): Promise<SessionOwner | undefined> {
  const result = await db.execute<{ hash: string }>(
    sql`SELECT hash FROM api_keys WHERE id = ${apiKeyId} AND revoked_at IS NULL`,
  );
  const row = result.rows[0];
  return row ? { apiKeyId, keyHash: row.hash } : undefined;
}
