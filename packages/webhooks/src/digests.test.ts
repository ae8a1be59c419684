import { webhookEvents, webhooks } from '@goodchatter/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAlert } from './alerts.js';
import { assembleDueDigests } from './digests.js';
import { updateWebhook } from './subscriptions.js';
import { type Fixture, startFixture } from './test/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

/** Time travel: the subscription was made `minutes` ago. */
const madeAgo = (id: number, minutes: number) =>
  f.database.pool.query(`UPDATE webhooks SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [
    id,
    minutes,
  ]);
const eventOf = async (id: string) => {
  const [e] = await f.database.db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return e;
};

// Every test's subscriptions are due only when it says so, but assembleDueDigests sweeps
// the whole database: tests here run one after another (vitest's default within a file).
describe('digests', () => {
  it('batch matching events and send them as one digest once the interval has passed', async () => {
    const brand = f.brand();
    const sub = await f.subscribe({ brand, digestMinutes: 30 });
    const alerted = [];
    for (let i = 0; i < 3; i++) {
      const m = await f.mention(brand);
      alerted.push(m);
      expect(await takeAlert(f.database.db, m, 'mention.praise')).toEqual([]);
    }
    expect(await assembleDueDigests(f.database.db)).toBe(0); // not yet: made just now

    await madeAgo(sub, 31);
    expect(await assembleDueDigests(f.database.db)).toBe(1);
    const [digest, ...batched] = await f.deliveries(sub);
    expect(digest).toMatchObject({ status: 'pending', eventType: 'mention.digest', attempts: 0 });
    expect(batched.map((d) => d.status)).toEqual(['digested', 'digested', 'digested']);
    expect(batched.every((d) => d.digestId === digest?.id)).toBe(true);

    const event = await eventOf(digest?.eventId as string);
    const carried = (event?.data as { events: { type: string; data: { id: string } }[] } | undefined)?.events ?? [];
    expect(carried.map((e) => e.type)).toEqual(['mention.praise', 'mention.praise', 'mention.praise']);
    expect(carried.map((e) => e.data.id)).toEqual(alerted.map(String)); // oldest first

    // The next interval starts now: nothing more until it has passed.
    await takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
    expect(await assembleDueDigests(f.database.db)).toBe(0);
    const [w] = await f.database.db.select().from(webhooks).where(eq(webhooks.id, sub));
    expect(w?.lastDigestAt).not.toBeNull();
    await f.database.pool.query(`UPDATE webhooks SET last_digest_at = now() - interval '31 minutes' WHERE id = $1`, [
      sub,
    ]);
    expect(await assembleDueDigests(f.database.db)).toBe(1);
    expect((await f.deliveries(sub)).filter((d) => d.eventType === 'mention.digest')).toHaveLength(2);
  });

  it('make none for a subscription with nothing batched, or one that is disabled', async () => {
    const brand = f.brand();
    const empty = await f.subscribe({ brand: f.brand(), digestMinutes: 5 });
    const off = await f.subscribe({ brand, digestMinutes: 5 });
    await takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
    await updateWebhook(f.database.db, off, { active: false });
    await madeAgo(empty, 10);
    await madeAgo(off, 10);
    expect(await assembleDueDigests(f.database.db)).toBe(0);
    expect((await f.deliveries(off)).map((d) => d.status)).toEqual(['batched']);
  });

  it('send what was batched at once when the digest is turned off', async () => {
    const brand = f.brand();
    const sub = await f.subscribe({ brand, digestMinutes: 60 });
    await takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
    await updateWebhook(f.database.db, sub, { digestMinutes: null });
    expect(await assembleDueDigests(f.database.db)).toBe(1);
    const [digest, item] = await f.deliveries(sub);
    expect(digest).toMatchObject({ status: 'pending', eventType: 'mention.digest' });
    expect(item?.status).toBe('digested');
    // From now on its events are sent one by one.
    await takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
    expect((await f.deliveries(sub))[0]).toMatchObject({ status: 'pending', eventType: 'mention.praise' });
  });
});
