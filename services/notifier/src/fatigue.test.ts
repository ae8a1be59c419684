import { getWebhook } from '@goodchatter/db';
import type { WebhookReceiver } from '@goodchatter/testing';
import { createTestDelivery, recordStatusChanged, redeliver, updateWebhook } from '@goodchatter/webhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './test/harness.js';
import { trackReceivers } from './test/receivers.js';

let h: Harness;
const receivers = trackReceivers();
const pause = (ms: number) => new Promise((res) => setTimeout(res, ms));

beforeAll(async () => {
  h = await startHarness({ maxAttempts: 2, disableAfter: 2 });
});
afterAll(async () => {
  await h.close();
  await receivers.close();
});

type Body = { id: string; type: string; data: Record<string, unknown> & { events?: { id: string }[] } };
const bodies = (r: WebhookReceiver) => r.received.map((x) => x.json as Body);

describe('digests', () => {
  it('batch matching mentions and send one delivery per interval carrying them all', { timeout: 180_000 }, async () => {
    const r = await receivers.start();
    const brand = h.brand();
    const sub = await h.subscribe({ url: r.url, brand, digestMinutes: 1 });
    for (let i = 0; i < 3; i++) await h.alert(await h.mention(brand));
    await expect
      .poll(async () => (await h.deliveries(sub.id)).filter((d) => d.status === 'batched').length, {
        message: 'three batched',
        timeout: 30_000,
      })
      .toBe(3);
    await pause(200);
    expect(r.requests).toHaveLength(0); // the first interval has not passed since the subscription was made

    // Time travel: the interval has passed.
    await h.database.pool.query(`UPDATE webhooks SET created_at = now() - interval '2 minutes' WHERE id = $1`, [
      sub.id,
    ]);
    await expect.poll(() => r.received.length, { message: 'the digest', timeout: 30_000 }).toBe(1);
    const [digest] = bodies(r);
    expect(digest?.type).toBe('mention.digest');
    expect(digest?.data.events).toHaveLength(3);
    // The receiver has it a moment before the notifier records the answer.
    const log = await vi.waitFor(
      async () => {
        const all = await h.deliveries(sub.id);
        const recorded = all.some((d) => d.eventType === 'mention.digest' && d.status === 'delivered');
        expect(recorded, 'the digest recorded').toBe(true);
        return all;
      },
      { timeout: 30_000 },
    );
    const carrier = log.find((d) => d.eventType === 'mention.digest');
    expect(log.filter((d) => d.status === 'digested').every((d) => d.digestId === carrier?.id)).toBe(true);

    // The next mention waits for the next interval.
    await h.alert(await h.mention(brand));
    await expect
      .poll(async () => (await h.deliveries(sub.id)).some((d) => d.status === 'batched'), {
        message: 'batched again',
        timeout: 30_000,
      })
      .toBe(true);
    await pause(300);
    expect(r.requests).toHaveLength(1);

    // Turning the digest off sends what was batched at once.
    await updateWebhook(h.database.db, sub.id, { digestMinutes: null });
    await expect.poll(() => r.received.length, { message: 'the last digest', timeout: 30_000 }).toBe(2);
    expect(bodies(r)[1]?.data.events).toHaveLength(1);
  });
});

describe('the hourly cap', () => {
  it('sends at most N an hour and logs the rest as skipped', async () => {
    const r = await receivers.start();
    const brand = h.brand();
    const sub = await h.subscribe({ url: r.url, brand, hourlyCap: 2 });
    for (let i = 0; i < 5; i++) await h.alert(await h.mention(brand));
    await expect
      .poll(
        async () => {
          const log = await h.deliveries(sub.id);
          return log.length === 5 && log.filter((d) => d.status === 'delivered').length === 2;
        },
        { message: 'all five logged', timeout: 30_000 },
      )
      .toBe(true);
    const skipped = (await h.deliveries(sub.id)).filter((d) => d.status === 'skipped');
    expect(skipped.map((d) => d.lastError)).toEqual(Array(3).fill('hourly cap of 2 reached'));
    await pause(200);
    expect(r.received).toHaveLength(2);
  });
});

describe('a failing subscription', () => {
  it('is disabled after the configured run of failed deliveries, with the reason visible', {
    timeout: 120_000,
  }, async () => {
    const r = await receivers.start();
    r.setDefault({ status: 500 });
    const brand = h.brand();
    const sub = await h.subscribe({ url: r.url, brand });
    for (let i = 0; i < 2; i++) await h.alert(await h.mention(brand));
    const disabled = await vi.waitFor(
      async () => {
        const w = await getWebhook(h.database.db, sub.id);
        expect(w?.active, 'disabled').toBe(false);
        return w!;
      },
      { timeout: 30_000 },
    );
    expect(disabled.disabledReason).toMatch(/^disabled after 2 failed deliveries in a row; last: HTTP 500/);
    expect(r.requests).toHaveLength(4); // 2 deliveries × 2 attempts

    // Nothing more is sent while disabled; a test event still goes out.
    await h.alert(await h.mention(brand));
    r.setDefault({});
    const test = await createTestDelivery(h.database.db, sub.id);
    await expect.poll(() => r.received.length, { message: 'the test event', timeout: 30_000 }).toBe(1);
    expect(bodies(r)[0]?.type).toBe('webhook.test');
    expect((await h.deliveries(sub.id)).map((d) => d.id)).toContain(test);
    expect(r.requests).toHaveLength(5);

    // Turned back on, it starts a fresh run; a redelivery sends the same event again.
    const on = await updateWebhook(h.database.db, sub.id, { active: true });
    expect(on).toMatchObject({ active: true, disabledReason: null, consecutiveFailures: 0 });
    const failed = (await h.deliveries(sub.id)).find((d) => d.status === 'failed');
    if (!failed) throw new Error('no failed delivery');
    expect(await redeliver(h.database.db, sub.id, failed.id)).toBe('ok');
    expect(await redeliver(h.database.db, sub.id, failed.id)).toBe('busy');
    await expect.poll(() => r.received.length, { message: 'the redelivery', timeout: 30_000 }).toBe(2);
    expect(r.received[1]?.headers['x-goodchatter-event-id']).toBe(failed.eventId);
    expect(await redeliver(h.database.db, sub.id + 1000, failed.id)).toBe('not_found');
  });
});

describe('events and filters', () => {
  it('sends complaints and status changes to subscriptions that ask, and applies the filters', {
    timeout: 90_000,
  }, async () => {
    const r = await receivers.start();
    const brand = h.brand();
    const events = ['mention.complaint', 'mention.status_changed'];
    await h.subscribe({ url: r.url, brand, events, minFollowers: 100 });
    const praise = await h.mention(brand);
    const complaint = await h.mention(brand, { label: 'complaint' });
    const obscure = await h.mention(brand, { label: 'complaint', authorFollowers: 3 });
    await h.alert(praise);
    await h.alert(complaint, 'mention.complaint');
    await h.alert(obscure, 'mention.complaint');
    await expect.poll(() => r.received.length, { message: 'the complaint', timeout: 30_000 }).toBe(1);
    // As the workflow route records it: inside the transaction that changes the status.
    await h.database.db.transaction((tx) =>
      recordStatusChanged(tx, { mentionId: complaint, from: 'new', to: 'in_progress' }),
    );
    await expect.poll(() => r.received.length, { message: 'the status change', timeout: 30_000 }).toBe(2);
    await pause(200);
    const [c, s] = bodies(r);
    expect(r.received).toHaveLength(2);
    expect(c).toMatchObject({ type: 'mention.complaint', data: { id: String(complaint) } });
    expect(s).toMatchObject({
      type: 'mention.status_changed',
      data: { id: String(complaint), status: 'in_progress', previousStatus: 'new' },
    });
  });

  it('sends only the source a subscription filters on', async () => {
    const r = await receivers.start();
    const brand = h.brand();
    await h.subscribe({ url: r.url, brand, source: 'mastodon' });
    const fromTest = await h.mention(brand);
    const fromMastodon = await h.mention(brand, { source: 'mastodon' });
    await h.alert(fromTest);
    await h.alert(fromMastodon);
    await expect.poll(() => r.received.length, { message: 'the mastodon praise', timeout: 30_000 }).toBe(1);
    await pause(300);
    expect(r.received).toHaveLength(1);
    expect(bodies(r)[0]).toMatchObject({
      type: 'mention.praise',
      data: { id: String(fromMastodon), source: 'mastodon' },
    });
  });

  it('never sends one event twice to a subscription, however often its alert is raised', async () => {
    const r = await receivers.start();
    const brand = h.brand();
    await h.subscribe({ url: r.url, brand });
    const id = await h.mention(brand);
    // A scorer re-processing a batch raises the alert again: same job id, or (its first job
    // long gone from Redis) a new one. Both are no-ops once the alert is taken.
    await Promise.all([h.alert(id), h.alert(id)]);
    await expect.poll(() => r.received.length, { message: 'the praise', timeout: 30_000 }).toBe(1);
    await h.alert(id, 'mention.praise', `praise-${id}-again`);
    await pause(300);
    expect(r.requests).toHaveLength(1);
  });
});
