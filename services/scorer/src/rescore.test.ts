import { CLASSIFIER_VERSION } from '@goodchatter/classifier';
import { ensureQuery, insertMentions, type NewMentionRow } from '@goodchatter/db';
import { createQueue, QUEUES } from '@goodchatter/queues';
import { mentionInput, mentionRow } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { scoreBatch } from './processors/score.js';
import { brandTermsOf, createQueryContexts } from './query-context.js';
import { rescore } from './rescore.js';
import { useScorerTestEnv } from './test/scorer-test-env.js';

const t = useScorerTestEnv();

const PRAISE = 'Maria at support was phenomenal, you rock! Thank you so much';
/** A mention an older classifier version stored as neutral. */
const old = (externalId: string, text: string, over: Partial<NewMentionRow> = {}) =>
  mentionRow({ externalId, text, classifierVersion: 'old-version', label: 'neutral', score: 0, ...over });
const mention = (externalId: string, text: string, queryId?: number) => mentionInput({ externalId, text, queryId });

describe('rescore', () => {
  it('relabels mentions of an older classifier version and never alerts for them', async () => {
    await insertMentions(t.database.db, [
      old('r1', PRAISE),
      old('r2', 'on hold for 45 mins and still waiting, this is a joke'),
      old('r3', PRAISE, { label: 'praise' }),
      old('r4', PRAISE, { classifierVersion: CLASSIFIER_VERSION, label: 'neutral' }),
    ]);
    await t.database.pool.query("UPDATE mentions SET alerted_at = '2026-11-02T00:00:00Z' WHERE external_id = 'r3'");
    const contexts = createQueryContexts(t.database.db);
    const batches: number[] = [];
    const result = await rescore(t.database, contexts, { batchSize: 2, onBatch: (r) => batches.push(r.scanned) });
    expect(result.scanned).toBe(3);
    expect(batches).toEqual([2, 3]);
    const { rows } = await t.database.pool.query(
      'SELECT external_id, label, classifier_version, alerted_at FROM mentions ORDER BY external_id',
    );
    const by = Object.fromEntries(rows.map((r) => [r.external_id, r]));
    expect(by.r1).toMatchObject({ label: 'praise', classifier_version: CLASSIFIER_VERSION });
    expect(by.r2.label).toBe('complaint');
    // Already on the running version: untouched.
    expect(by.r4.label).toBe('neutral');
    // The earlier alert time is kept; the newly praised one is marked handled, not alerted.
    expect(by.r3.alerted_at.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(by.r1.alerted_at).not.toBeNull();
    expect((await rescore(t.database, contexts)).scanned).toBe(0);

    // A replay of the relabelled mention sends no alert either.
    const notifyQueue = createQueue(QUEUES.notify, { connection: t.redis, prefix: t.env.prefix });
    const out = await scoreBatch(
      { database: t.database, notifyQueue, contexts },
      { mentions: [mention('r1', PRAISE)], enqueuedAt: Date.now() },
    );
    expect(out).toEqual({ received: 1, inserted: 0, alerts: 0, rejected: 0 });
    expect(await notifyQueue.count()).toBe(0);
    await notifyQueue.close();
  });
});

describe('per-query classifier context', () => {
  it('reads brand handles and quoted names from an X query', () => {
    expect(
      brandTermsOf({ source: 'x', brand: 'Acme Air', query: '(@AcmeAir OR "Acme Air" OR #acmeair) lang:en' }),
    ).toEqual(['Acme Air', '@AcmeAir', '#acmeair']);
  });

  it("applies the tracked query's phrase rules to its mentions only", async () => {
    const q = await ensureQuery(t.database.db, {
      brand: 'Parcelly',
      source: 'x',
      query: '@Parcelly',
      rules: [{ phrase: 'package arrived', label: 'praise' }],
    });
    const notifyQueue = createQueue(QUEUES.notify, { connection: t.redis, prefix: t.env.prefix });
    const deps = { database: t.database, notifyQueue, contexts: createQueryContexts(t.database.db) };
    const text = 'my package arrived today';
    await scoreBatch(deps, { mentions: [mention('q1', text, q.id), mention('q2', text)], enqueuedAt: Date.now() });
    const { rows } = await t.database.pool.query(
      "SELECT external_id, label, reasons FROM mentions WHERE external_id IN ('q1','q2') ORDER BY external_id",
    );
    expect(rows[0].label).toBe('praise');
    expect(rows[1].label).not.toBe('praise');
    await notifyQueue.close();
  });
});
