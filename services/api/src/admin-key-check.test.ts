import { createApiKey, createDatabase, type Database, revokeApiKey } from '@goodchatter/db';
import { createTestEnv, type TestEnv } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingAdminKeyWarning } from './admin-key-check.js';

let env: TestEnv;
let database: Database;
beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl);
});
afterAll(async () => {
  await database.close();
  await env.cleanup();
});

describe('the warning at start when no one could use the API', () => {
  it('warns while there is neither GOODCHATTER_ADMIN_KEY nor a stored admin key', async () => {
    expect(await missingAdminKeyWarning(database.db, undefined)).toMatch(
      /^GOODCHATTER_ADMIN_KEY is not set and no API key is stored: routes will answer 401/,
    );
    expect(await missingAdminKeyWarning(database.db, 'an-admin-key-of-24-chars-or-more')).toBeUndefined();

    await createApiKey(database.db, { name: 'dashboard', scopes: ['read'] });
    expect(await missingAdminKeyWarning(database.db, undefined)).toMatch(/no stored API key has the admin scope/);

    const admin = await createApiKey(database.db, { name: 'ops', scopes: ['admin'] });
    expect(await missingAdminKeyWarning(database.db, undefined)).toBeUndefined();
    await revokeApiKey(database.db, admin.id);
    expect(await missingAdminKeyWarning(database.db, undefined)).toMatch(/no stored API key has the admin scope/);
  });
});
