import { startWebhookReceiver, type WebhookReceiver } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { refusedReason } from './http/address-policy.js';
import { type Harness, startHarness } from './test/harness.js';

describe('which addresses a webhook may target', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.8.9.10', 'a loopback address'],
    ['10.1.2.3', 'a private address'],
    ['172.20.0.1', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.10.10', 'a link-local address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['224.0.0.1', 'a reserved or multicast address'],
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fe80::1', 'a link-local address'],
    ['fd12:3456::1', 'a unique-local address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:a9fe:a9fe', 'a cloud metadata address'],
    ['64:ff9b::10.0.0.1', 'a private address'],
    ['2002:c0a8:0101::1', 'a private address'],
    ['::127.0.0.1', 'a loopback address'],
    ['fec0::1', 'a reserved address'],
    ['2001:db8::1', 'a reserved address'],
    ['192.0.2.1', 'a reserved or multicast address'],
    ['203.0.113.5', 'a reserved or multicast address'],
    ['255.255.255.255', 'a reserved or multicast address'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusedReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(refusedReason(address)).toBeUndefined();
  });
});

describe('a notifier without WEBHOOK_ALLOW_PRIVATE', () => {
  let h: Harness;
  let r: WebhookReceiver;
  beforeAll(async () => {
    h = await startHarness({ allowPrivate: false, maxAttempts: 3 });
    r = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h.close();
    await r.close();
  });

  const port = () => new URL(r.url).port;
  it.each([
    [
      'a hostname that resolves to 127.0.0.1',
      () => `http://localhost:${port()}/hook`,
      /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    ],
    ['a loopback IP', () => `http://127.0.0.1:${port()}/hook`, /127\.0\.0\.1 is a loopback address/],
    ['an IPv6 loopback', () => `http://[::1]:${port()}/hook`, /::1 is a loopback address/],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', /a cloud metadata address/],
    ['an IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port()}/hook`, /a loopback address/],
  ])('refuses %s at connect time, once, without retrying', async (_what, url, why) => {
    const brand = h.brand();
    const sub = await h.subscribe({ url: url(), brand });
    await h.alert(await h.mention(brand));
    const d = await vi.waitFor(
      async () => {
        const [x] = await h.deliveries(sub.id);
        expect(x?.status, 'the delivery to fail').toBe('failed');
        return x!;
      },
      { timeout: 30_000 },
    );
    expect(d.attempts).toBe(1);
    expect(d.lastError).toMatch(/^refused target: /);
    expect(d.lastError).toMatch(why);
    expect(r.requests).toHaveLength(0);
  });
});
