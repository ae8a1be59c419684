import { type Db, listApiKeys } from '@goodchatter/db';

/**
 * Why no one could use this API, if so: every route needs a key, and only an admin key can
 * make keys. Undefined when GOODCHATTER_ADMIN_KEY is set or a live admin key is stored.
 */
export async function missingAdminKeyWarning(db: Db, adminKey: string | undefined): Promise<string | undefined> {
  if (adminKey) return undefined;
  const keys = await listApiKeys(db);
  if (keys.some((k) => k.scopes.includes('admin'))) return undefined;
  const what = keys.length === 0 ? 'no API key is stored' : 'no stored API key has the admin scope';
  return `GOODCHATTER_ADMIN_KEY is not set and ${what}: routes will answer 401 and no key can be made. Set GOODCHATTER_ADMIN_KEY (24+ characters) and restart.`;
}
