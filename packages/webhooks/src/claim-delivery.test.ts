import { createWebhook, getDeliveryEntry } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeAlert } from './alerts.js';
import { claimDelivery, finishAttempt } from './attempts.js';
import { type Fixture, startFixture } from './test/fixture.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ poolSize: 12 });
});
afterAll(async () => {
  await f.close();
});

/** A pending delivery of a new praise to a subscription of the test's own. */
async function pendingDelivery() {
  const brand = f.brand();
  // Made here, not with f.subscribe: the claim must carry the subscription's secret.
  const sub = await createWebhook(f.database.db, {
    url: 'https://hooks.example.com/in',
    events: ['mention.praise'],
    brand,
  });
  const [delivery] = await takeAlert(f.database.db, await f.mention(brand), 'mention.praise');
  if (!delivery) throw new Error('no delivery created');
  return { sub, deliveryId: delivery.id };
}

const settings = { disableAfter: 5, countsForSubscription: true };

describe('claimDelivery', () => {
  it('hands a pending delivery to one claimer, with what sending needs', async () => {
    const { sub, deliveryId } = await pendingDelivery();
    const claimed = await claimDelivery(f.database.db, deliveryId);
    expect(claimed).toMatchObject({
      id: deliveryId,
      attempts: 1,
      webhookId: sub.id,
      url: 'https://hooks.example.com/in',
      secret: sub.secret,
      eventType: 'mention.praise',
    });
    expect(await claimDelivery(f.database.db, deliveryId)).toBeUndefined();
    expect((await getDeliveryEntry(f.database.db, sub.id, deliveryId))?.status).toBe('sending');
  });

  it('lets exactly one of many concurrent claimers win', async () => {
    const { deliveryId } = await pendingDelivery();
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimDelivery(f.database.db, deliveryId)));
    const winners = claims.filter((c) => c !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.attempts).toBe(1);
  });

  it('can claim again after a retry is scheduled, counting the attempt; never after delivery', async () => {
    const { sub, deliveryId } = await pendingDelivery();
    const first = await claimDelivery(f.database.db, deliveryId);
    await finishAttempt(
      f.database.db,
      first as NonNullable<typeof first>,
      { kind: 'retry', responseCode: 503, latencyMs: 5, error: 'HTTP 503', delayMs: 1000 },
      settings,
    );
    const second = await claimDelivery(f.database.db, deliveryId);
    expect(second?.attempts).toBe(2);
    await finishAttempt(
      f.database.db,
      second as NonNullable<typeof second>,
      { kind: 'delivered', responseCode: 200, latencyMs: 5 },
      settings,
    );
    expect(await claimDelivery(f.database.db, deliveryId)).toBeUndefined();
    expect(await getDeliveryEntry(f.database.db, sub.id, deliveryId)).toMatchObject({
      status: 'delivered',
      attempts: 2,
      responseCode: 200,
    });
  });

  it('finishes an attempt once: a stale second outcome changes nothing', async () => {
    const { sub, deliveryId } = await pendingDelivery();
    const claimed = await claimDelivery(f.database.db, deliveryId);
    const c = claimed as NonNullable<typeof claimed>;
    await finishAttempt(f.database.db, c, { kind: 'delivered', responseCode: 204, latencyMs: 3 }, settings);
    await finishAttempt(f.database.db, c, { kind: 'failed', error: 'late duplicate' }, settings);
    expect(await getDeliveryEntry(f.database.db, sub.id, deliveryId)).toMatchObject({
      status: 'delivered',
      responseCode: 204,
      lastError: null,
    });
  });

  it('claims nothing for an unknown delivery', async () => {
    expect(await claimDelivery(f.database.db, 987_654_321)).toBeUndefined();
  });
});
