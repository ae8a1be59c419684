import type { Scope } from '@goodchatter/db';

/** Who a request acts as: an API key, whether sent as a Bearer token or behind a session cookie. */
export interface ApiKeyIdentity {
  id: string;
  name: string;
  scopes: Scope[];
}

/** GOODCHATTER_ADMIN_KEY: accepted without being stored, so it has no row and a fixed identity. */
export const ENV_ADMIN: ApiKeyIdentity = { id: 'env-admin', name: 'GOODCHATTER_ADMIN_KEY', scopes: ['admin'] };

/** admin implies write implies read. */
const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };
export const allows = (scopes: Scope[], needed: Scope) => scopes.some((s) => RANK[s] >= RANK[needed]);
