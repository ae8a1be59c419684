import { claimDelivery, finishAttempt } from '@goodchatter/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
});
afterAll(async () => {
  await h.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read answers of many shapes; the schemas are checked by the app.
type Json = Record<string, any>;
async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await h.call({ method, url, key: h.keys.admin, ...(payload ? { payload } : {}) });
  return { status: res.status, body: (res.body ?? null) as Json };
}
const create = (over: object = {}) =>
  call('POST', '/v1/webhooks', { url: 'https://hooks.example.com/in?token=abc', events: ['mention.praise'], ...over });

describe('/v1/webhooks', () => {
  it('creates a subscription and shows its secret only then', async () => {
    const res = await create({ filters: { brand: 'Acme', minConfidence: 0.8 }, format: 'slack', hourlyCap: 10 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: 'https://hooks.example.com/in?token=abc',
      events: ['mention.praise'],
      format: 'slack',
      active: true,
      filters: { brand: 'Acme', minConfidence: 0.8, minFollowers: null, source: null },
      digestMinutes: null,
      hourlyCap: 10,
      consecutiveFailures: 0,
      disabledReason: null,
    });
    expect(res.body.secret).toMatch(/^whsec_[\w-]{43}$/);
    const one = await call('GET', `/v1/webhooks/${res.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body.secret).toBeUndefined();
    const list = await call('GET', '/v1/webhooks');
    expect(list.body.data.map((w: Json) => w.id)).toContain(res.body.id);
    expect(list.body.data.every((w: Json) => w.secret === undefined)).toBe(true);
  });

  it.each([
    [{ url: 'ftp://example.com/x' }, /body.url: must be an http\(s\) URL/],
    [{ url: 'not a url' }, /body.url/],
    [{ events: [] }, /body.events: must name at least one event/],
    [{ events: ['mention.praise', 'mention.praise'] }, /must not repeat an event/],
    [{ events: ['mention.deleted'] }, /body.events/],
    [{ format: 'xml' }, /body.format/],
    [{ digestMinutes: 0 }, /body.digestMinutes/],
    [{ filters: { minConfidence: 2 } }, /body.filters.minConfidence/],
    [{ secret: 'mine' }, /secret/],
  ])('refuses %j', async (over, message) => {
    const res = await create(over);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(message);
  });

  it('changes, rotates and deletes', async () => {
    const { body: created } = await create();
    const patched = await call('PATCH', `/v1/webhooks/${created.id}`, {
      events: ['mention.complaint', 'mention.status_changed'],
      filters: { minFollowers: 1000, source: 'bluesky' },
      digestMinutes: 15,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      events: ['mention.complaint', 'mention.status_changed'],
      filters: { brand: null, minConfidence: null, minFollowers: 1000, source: 'bluesky' },
      digestMinutes: 15,
    });
    const rotated = await call('POST', `/v1/webhooks/${created.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect((await call('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await call('PATCH', '/v1/webhooks/999999', { active: false })).status).toBe(404);
  });
});

describe('deliveries', () => {
  it('queues a test event, lists it, redelivers it once finished, and shows why a subscription was disabled', async () => {
    const { body: sub } = await create();
    const test = await call('POST', `/v1/webhooks/${sub.id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0 });
    expect(test.body.nextAttemptAt).not.toBeNull();
    // Still pending: nothing to redeliver yet.
    const early = await call('POST', `/v1/webhooks/${sub.id}/deliveries/${test.body.id}/redeliver`);
    expect(early.status).toBe(409);

    // What the notifier records after a failed last attempt.
    const claimed = await claimDelivery(h.database.db, test.body.id);
    if (!claimed) throw new Error('not claimed');
    await finishAttempt(
      h.database.db,
      claimed,
      { kind: 'failed', responseCode: 410, latencyMs: 12, error: 'HTTP 410: gone' },
      { disableAfter: 1, countsForSubscription: true },
    );
    const log = await call('GET', `/v1/webhooks/${sub.id}/deliveries?limit=10`);
    expect(log.status).toBe(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      id: test.body.id,
      status: 'failed',
      attempts: 1,
      responseCode: 410,
      latencyMs: 12,
      lastError: 'HTTP 410: gone',
      nextAttemptAt: null,
    });
    expect(log.body.nextCursor).toBeNull();
    const shown = await call('GET', `/v1/webhooks/${sub.id}`);
    expect(shown.body).toMatchObject({ active: false, consecutiveFailures: 1 });
    expect(shown.body.disabledReason).toMatch(/^disabled after 1 failed deliveries in a row; last: HTTP 410: gone/);

    const again = await call('POST', `/v1/webhooks/${sub.id}/deliveries/${test.body.id}/redeliver`);
    expect(again.status).toBe(202);
    // The answer is the fresh state: nothing left over from the attempt before.
    expect(again.body).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: null,
      responseCode: null,
      latencyMs: null,
      deliveredAt: null,
    });
    expect((await call('POST', `/v1/webhooks/${sub.id}/deliveries/999999/redeliver`)).status).toBe(404);
    expect((await call('GET', '/v1/webhooks/999999/deliveries')).status).toBe(404);
    expect((await call('POST', '/v1/webhooks/999999/test')).status).toBe(404);
    const filtered = await call('GET', `/v1/webhooks/${sub.id}/deliveries?status=delivered`);
    expect(filtered.body.data).toHaveLength(0);
  });
});
