import { webhookEvents } from '@goodchatter/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAlert } from './alerts.js';
import { recordStatusChanged } from './fan-out.js';
import { updateWebhook } from './subscriptions.js';
import { type Fixture, startFixture } from './test/fixture.js';
import { createTestDelivery } from './test-event.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

const eventsOf = (mentionId: number) =>
  f.database.db.select().from(webhookEvents).where(eq(webhookEvents.mentionId, mentionId));

describe('takeAlert', () => {
  it('gives each matching subscription one queued delivery, once however often it runs', async () => {
    const brand = f.brand();
    const a = await f.subscribe({ brand });
    const b = await f.subscribe({ brand: brand.toUpperCase(), events: ['mention.praise', 'mention.complaint'] });
    const m = await f.mention(brand);

    const pending = await takeAlert(f.database.db, m, 'mention.praise');
    expect(pending).toHaveLength(2);
    expect(pending.every((p) => p.dispatches === 1)).toBe(true);
    for (const sub of [a, b]) {
      const [d] = await f.deliveries(sub);
      expect(d).toMatchObject({ status: 'pending', eventType: 'mention.praise', dispatches: 1 });
      expect(d?.queuedAt).not.toBeNull();
    }
    // A second run (a job retried after a crash) takes nothing new, and hands back the
    // same pending deliveries so they can be enqueued again under the same job ids.
    expect(await takeAlert(f.database.db, m, 'mention.praise')).toEqual(pending);
    expect(await eventsOf(m)).toHaveLength(1);
    expect(await f.deliveries(a)).toHaveLength(1);
  });

  it('stores no event when no subscription matches', async () => {
    const brand = f.brand();
    await f.subscribe({ brand, events: ['mention.complaint'] });
    const m = await f.mention(brand);
    expect(await takeAlert(f.database.db, m, 'mention.praise')).toEqual([]);
    expect(await eventsOf(m)).toHaveLength(0);
  });

  it('applies brand, source, confidence and follower filters, and skips inactive subscriptions', async () => {
    const brand = f.brand();
    const open = await f.subscribe({ brand });
    const otherBrand = await f.subscribe({ brand: f.brand() });
    const sameSource = await f.subscribe({ brand, source: 'REPLAY' });
    const otherSource = await f.subscribe({ brand, source: 'mastodon' });
    const confident = await f.subscribe({ brand, minConfidence: 0.95 });
    const popular = await f.subscribe({ brand, minFollowers: 1000 });
    const followed = await f.subscribe({ brand, minFollowers: 500 });
    const off = await f.subscribe({ brand, active: false });

    await takeAlert(f.database.db, await f.mention(brand, { confidence: 0.9, authorFollowers: 500 }), 'mention.praise');
    const got = async (id: number) => (await f.deliveries(id)).length;
    expect(await got(open)).toBe(1);
    expect(await got(sameSource)).toBe(1); // source compared case-insensitively
    expect(await got(followed)).toBe(1); // the follower minimum is inclusive
    for (const id of [otherBrand, otherSource, confident, popular, off]) expect(await got(id)).toBe(0);
  });

  it('counts a label set by staff as certain', async () => {
    const brand = f.brand();
    const confident = await f.subscribe({ brand, minConfidence: 0.95 });
    const m = await f.mention(brand, { confidence: 0.4 });
    await f.database.pool.query(`UPDATE mentions SET label_override = 'praise' WHERE id = $1`, [m]);
    await takeAlert(f.database.db, m, 'mention.praise');
    expect(await f.deliveries(confident)).toHaveLength(1);
  });
});

describe('recordStatusChanged', () => {
  it('stores the change with both statuses, leaving the sending to the sweep', async () => {
    const brand = f.brand();
    const sub = await f.subscribe({ brand, events: ['mention.status_changed'] });
    const m = await f.mention(brand);
    const eventId = await f.database.db.transaction((tx) =>
      recordStatusChanged(tx, { mentionId: m, from: 'new', to: 'thanked' }),
    );
    expect(eventId).toBeDefined();
    const [event] = await eventsOf(m);
    expect(event).toMatchObject({ id: eventId, type: 'mention.status_changed' });
    expect(event?.data).toMatchObject({ id: String(m), status: 'thanked', previousStatus: 'new' });
    const [d] = await f.deliveries(sub);
    expect(d).toMatchObject({ status: 'pending', dispatches: 0, queuedAt: null });
  });

  it('records nothing for a status that did not change or a mention that does not exist', async () => {
    const brand = f.brand();
    await f.subscribe({ brand, events: ['mention.status_changed'] });
    const m = await f.mention(brand);
    expect(await recordStatusChanged(f.database.db, { mentionId: m, from: 'new', to: 'new' })).toBeUndefined();
    expect(await recordStatusChanged(f.database.db, { mentionId: 0, from: 'new', to: 'thanked' })).toBeUndefined();
    expect(await eventsOf(m)).toHaveLength(0);
  });
});

describe('createTestDelivery', () => {
  it('sends a sample event even to a disabled subscription, and none to a missing one', async () => {
    const sub = await f.subscribe({ brand: f.brand() });
    await updateWebhook(f.database.db, sub, { active: false });
    const id = await createTestDelivery(f.database.db, sub);
    const [d] = await f.deliveries(sub);
    expect(d).toMatchObject({ id, status: 'pending', eventType: 'webhook.test' });
    expect(await createTestDelivery(f.database.db, sub + 100_000)).toBeUndefined();
  });
});
