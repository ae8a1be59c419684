import { randomBytes } from 'node:crypto';
import {
  createDatabase,
  createWebhook,
  getWebhook,
  isSealed,
  openSecret,
  resealWebhookSecrets,
  rotateWebhookSecret,
  runMigrations,
  useSecretKeys,
} from '@goodchatter/db';
import { createTestEnv } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';

const key = () => randomBytes(32).toString('base64');

describe('webhook secrets at rest', () => {
  it('are sealed with AES-256-GCM, opened for signing, and re-sealed after a key rotation', async () => {
    const env = await createTestEnv();
    const database = createDatabase(env.databaseUrl, { max: 2 });
    try {
      const { db } = database;
      // Stored before any key was configured: in clear.
      useSecretKeys({});
      const legacy = await createWebhook(db, { url: 'https://a.example/h', events: ['mention.praise'] });
      expect((await getWebhook(db, legacy.id))?.secret).toBe(legacy.secret);

      const first = key();
      useSecretKeys({ current: first });
      const created = await createWebhook(db, { url: 'https://b.example/h', events: ['mention.praise'] });
      expect(created.secret).toMatch(/^whsec_/);
      const stored = (await getWebhook(db, created.id))?.secret ?? '';
      expect(isSealed(stored)).toBe(true);
      expect(stored).not.toContain(created.secret);
      expect(openSecret(stored)).toBe(created.secret);

      // The start-up step seals the legacy row.
      await runMigrations(env.databaseUrl);
      const sealedLegacy = (await getWebhook(db, legacy.id))?.secret ?? '';
      expect(isSealed(sealedLegacy)).toBe(true);
      expect(openSecret(sealedLegacy)).toBe(legacy.secret);

      // Rotation: new key current, old key kept as previous until every row is re-sealed.
      const second = key();
      useSecretKeys({ current: second, previous: [first] });
      expect(openSecret(stored)).toBe(created.secret);
      expect(await resealWebhookSecrets(db)).toBe(2);
      expect(await resealWebhookSecrets(db)).toBe(0);
      useSecretKeys({ current: second });
      expect(openSecret((await getWebhook(db, created.id))?.secret ?? '')).toBe(created.secret);
      expect(openSecret((await getWebhook(db, legacy.id))?.secret ?? '')).toBe(legacy.secret);
      expect(() => openSecret(stored)).toThrow(/not configured/);

      const rotated = await rotateWebhookSecret(db, created.id);
      expect(openSecret((await getWebhook(db, created.id))?.secret ?? '')).toBe(rotated?.secret);
      expect(() => useSecretKeys({ current: 'short' })).toThrow(/GOODCHATTER_SECRET_KEY/);
    } finally {
      await database.close();
      await env.cleanup();
    }
  });
});
