import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAlert } from './alerts.js';
import { type Fixture, startFixture } from './test/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

const alert = async (brand: string) => takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
const statuses = async (webhookId: number) => (await f.deliveries(webhookId)).map((d) => d.status).reverse();

describe('hourly cap', () => {
  it('skips deliveries past the cap, saying why, and hands them to no one', async () => {
    const brand = f.brand();
    const capped = await f.subscribe({ brand, hourlyCap: 2 });
    const free = await f.subscribe({ brand });
    const handed = [];
    for (let i = 0; i < 3; i++) handed.push(...(await alert(brand)));

    expect(await statuses(capped)).toEqual(['pending', 'pending', 'skipped']);
    const [skipped] = await f.deliveries(capped);
    expect(skipped).toMatchObject({ lastError: 'hourly cap of 2 reached', dispatches: 0, queuedAt: null });
    expect(await statuses(free)).toEqual(['pending', 'pending', 'pending']);
    // Two for the capped subscription, three for the other: the skipped one is not queued.
    expect(handed).toHaveLength(5);
  });

  it('counts only the last hour, and not what it skipped', async () => {
    const brand = f.brand();
    const capped = await f.subscribe({ brand, hourlyCap: 1 });
    await alert(brand);
    await alert(brand);
    expect(await statuses(capped)).toEqual(['pending', 'skipped']);

    await f.age(capped, 61);
    await alert(brand);
    // The sent one is over an hour old; the skipped one never counted.
    expect(await statuses(capped)).toEqual(['pending', 'skipped', 'pending']);
  });

  it('does not apply to a digest subscription, whose events are batched instead', async () => {
    const brand = f.brand();
    const digest = await f.subscribe({ brand, hourlyCap: 1, digestMinutes: 60 });
    for (let i = 0; i < 3; i++) expect(await alert(brand)).toEqual([]);
    expect(await statuses(digest)).toEqual(['batched', 'batched', 'batched']);
  });

  it('lets concurrent fan-outs take the last slot only once', async () => {
    const brand = f.brand();
    const capped = await f.subscribe({ brand, hourlyCap: 3 });
    const mentions = await Promise.all(Array.from({ length: 8 }, () => f.mention(brand)));
    await Promise.all(mentions.map((m) => takeAlert(f.database.db, m, 'mention.praise')));
    const got = await statuses(capped);
    expect(got.filter((s) => s === 'pending')).toHaveLength(3);
    expect(got.filter((s) => s === 'skipped')).toHaveLength(5);
  });
});
