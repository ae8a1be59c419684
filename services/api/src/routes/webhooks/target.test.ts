import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

let h: Harness;
let open: Harness;
beforeAll(async () => {
  [h, open] = await Promise.all([startHarness(), startHarness({ webhookAllowPrivate: true })]);
});
afterAll(async () => {
  await Promise.all([h?.close(), open?.close()]);
});

const body = (url: string) => ({ url, events: ['mention.praise'] });

describe('webhook targets are checked when a subscription is saved', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
    ['http://[::1]/hook', '::1 is a loopback address'],
    ['http://[::127.0.0.1]/hook', 'a loopback address'],
    ['http://10.1.2.3/hook', 'a private address'],
    ['http://169.254.169.254/latest/meta-data', 'a cloud metadata address'],
    ['http://[fec0::1]/hook', 'a reserved address'],
    ['http://192.0.2.10/hook', 'a reserved or multicast address'],
    ['http://localhost:9/hook', 'localhost resolves to'],
  ])('refuses %s with 400', async (url, why) => {
    const res = await h.call({ method: 'POST', url: '/v1/webhooks', key: h.keys.admin, payload: body(url) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.url: refused target');
    expect(res.body.error.message).toContain(why);
  });

  it('refuses a change of URL to a private address', async () => {
    const created = await h.call({
      method: 'POST',
      url: '/v1/webhooks',
      key: h.keys.admin,
      payload: body('https://93.184.215.14/hook'),
    });
    expect(created.status).toBe(201);
    const res = await h.call({
      method: 'PATCH',
      url: `/v1/webhooks/${created.body.id}`,
      key: h.keys.admin,
      payload: { url: 'http://192.168.1.1/' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('a private address');
  });

  it('accepts private targets with WEBHOOK_ALLOW_PRIVATE=true', async () => {
    const res = await open.call({
      method: 'POST',
      url: '/v1/webhooks',
      key: open.keys.admin,
      payload: body('http://127.0.0.1:8080/hook'),
    });
    expect(res.status).toBe(201);
  });
});
