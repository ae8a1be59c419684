import { findUnalertedMentions, insertMentions, listDeliveries } from '@goodchatter/db';
import { mentionRow } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAlert } from './alerts.js';
import { type Fixture, startFixture } from './test/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ poolSize: 12 });
});
afterAll(async () => {
  await f.close();
});

// fan-out.test.ts covers what one taker creates and that a rerun creates nothing more.
describe('takeAlert', () => {
  it('lets one of many concurrent takers create the deliveries', async () => {
    const brand = f.brand();
    const sub = await f.subscribe({ brand });
    const mentionId = await f.mention(brand);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => takeAlert(f.database.db, mentionId, 'mention.praise')),
    );
    const deliveries = await listDeliveries(f.database.db, sub, { limit: 10 });
    expect(deliveries).toHaveLength(1);
    // Every taker sees at most that one delivery, never one of its own.
    for (const r of results) expect(r.every((d) => d.id === deliveries[0]?.id)).toBe(true);
    expect(results.some((r) => r.length === 1)).toBe(true);
  });

  it('takes the alert even when no subscription wants it, so a later one does not get it', async () => {
    const brand = f.brand();
    const mentionId = await f.mention(brand);
    expect(await takeAlert(f.database.db, mentionId, 'mention.praise')).toEqual([]);
    const late = await f.subscribe({ url: 'https://hooks.example.com/late', brand });
    expect(await takeAlert(f.database.db, mentionId, 'mention.praise')).toEqual([]);
    expect(await listDeliveries(f.database.db, late, { limit: 10 })).toEqual([]);
  });
});

describe('findUnalertedMentions', () => {
  it('finds praise and complaints whose alert was not taken, by (source, external id)', async () => {
    const brand = f.brand();
    const rows = ['praise', 'complaint', 'neutral', 'praise'].map((label) => mentionRow({ brand, label }));
    const inserted = await insertMentions(f.database.db, rows);
    const keys = rows.map((r) => ({ source: r.source, externalId: r.externalId }));
    const before = await findUnalertedMentions(f.database.db, keys);
    expect(before.map((m) => m.label).sort()).toEqual(['complaint', 'praise', 'praise']);

    const taken = inserted.find((m) => m.label === 'praise')?.id as number;
    await takeAlert(f.database.db, taken, 'mention.praise');
    const after = await findUnalertedMentions(f.database.db, keys);
    expect(after).toHaveLength(2);
    expect(after.map((m) => m.id)).not.toContain(taken);
    expect(await findUnalertedMentions(f.database.db, [])).toEqual([]);
  });
});
