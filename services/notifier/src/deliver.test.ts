import { createHmac } from 'node:crypto';
import type { WebhookReceiver } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './test/harness.js';
import { trackReceivers } from './test/receivers.js';

let h: Harness;
const receivers = trackReceivers();

beforeAll(async () => {
  h = await startHarness({ maxAttempts: 5, retryBaseMs: 150, timeoutMs: 1000 });
});
afterAll(async () => {
  await h.close();
  await receivers.close();
});

/** One praise for a fresh subscription; resolves once its delivery has settled. */
async function deliverOne(r: WebhookReceiver, over: { format?: string } = {}) {
  const brand = h.brand();
  const sub = await h.subscribe({ url: r.url, brand, ...over });
  const mentionId = await h.mention(brand);
  await h.alert(mentionId);
  const settled = await vi.waitFor(
    async () => {
      const [d] = await h.deliveries(sub.id);
      expect(['delivered', 'failed'], 'the delivery to settle').toContain(d?.status);
      return d!;
    },
    { timeout: 30_000 },
  );
  return { sub, mentionId, delivery: settled };
}

const gaps = (r: WebhookReceiver) => r.requests.slice(1).map((x, i) => x.at - (r.requests[i]?.at ?? 0));

describe('a delivery', () => {
  it('is signed: v1=HMAC-SHA256("<timestamp>.<raw body>") with the secret, plus event id and timestamp', async () => {
    const r = await receivers.start();
    const { sub, mentionId, delivery } = await deliverOne(r);
    expect(delivery.status).toBe('delivered');
    const [hook] = r.received;
    if (!hook) throw new Error('nothing received');
    const timestamp = hook.headers['x-goodchatter-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(10);
    const expected = createHmac('sha256', sub.secret).update(`${timestamp}.${hook.body}`).digest('hex');
    expect(hook.headers['x-goodchatter-signature']).toBe(`v1=${expected}`);
    const body = hook.json as { id: string; type: string; data: { id: string; brand: string } };
    expect(hook.headers['x-goodchatter-event-id']).toBe(body.id);
    expect(body.id).toBe(delivery.eventId);
    expect(body.type).toBe('mention.praise');
    expect(body.data.id).toBe(String(mentionId));
    expect(delivery).toMatchObject({ attempts: 1, responseCode: 200, lastError: null });
    expect(delivery.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a 500 with growing delays, then delivers the same event', async () => {
    const r = await receivers.start();
    r.failNext(3, 500);
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, responseCode: 200 });
    expect(r.requests.map((x) => x.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(r.requests.map((x) => x.headers['x-goodchatter-event-id'])).size).toBe(1);
    // base 150 ms × 3^n ± 20%: about 150, 450, 1350 ms.
    const [a = 0, b = 0, c = 0] = gaps(r);
    expect(a).toBeGreaterThanOrEqual(110);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
  });

  it('retries a timeout', async () => {
    const r = await receivers.start();
    r.replyNext(1, { delayMs: 2500 });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(r.requests).toHaveLength(2);
  });

  it('does not retry a 400, and says why in the log', async () => {
    const r = await receivers.start();
    r.replyNext(1, { status: 400, body: 'unknown field' });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, responseCode: 400 });
    expect(delivery.lastError).toBe('HTTP 400: unknown field');
    await new Promise((res) => setTimeout(res, 400));
    expect(r.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const r = await receivers.start();
    r.replyNext(1, { status: 429, headers: { 'retry-after': '1' } });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2 });
    // Our own backoff would have retried after about 150 ms.
    expect(gaps(r)[0]).toBeGreaterThanOrEqual(950);
  });

  it('does not follow a redirect', async () => {
    const r = await receivers.start();
    const target = await receivers.start();
    r.replyNext(1, { status: 302, headers: { location: target.url } });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'failed', responseCode: 302 });
    expect(target.requests).toHaveLength(0);
  });

  it('gives up after the configured number of attempts', async () => {
    const r = await receivers.start();
    r.setDefault({ status: 503 });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 5, responseCode: 503 });
    expect(r.requests).toHaveLength(5);
  });

  it('reads only the start of a huge answer', async () => {
    const r = await receivers.start();
    r.replyNext(1, { status: 422, body: 'x'.repeat(5_000_000) });
    const { delivery } = await deliverOne(r);
    expect(delivery).toMatchObject({ status: 'failed', responseCode: 422 });
    expect(delivery.lastError).toBe(`HTTP 422: ${'x'.repeat(300)}`);
  });

  it('speaks Slack when the subscription asks for it', async () => {
    const r = await receivers.start();
    const { delivery } = await deliverOne(r, { format: 'slack' });
    expect(delivery.status).toBe('delivered');
    const body = r.received[0]?.json as { text: string };
    expect(body.text).toMatch(/^:tada: Praise for brand-\w+ from @fan\d+: “Thanks/);
  });
});
