import { beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
/** The subscription (and its test delivery) the refused requests below try to reach. */
let id: number;
let deliveryId: number;

const valid = { url: 'https://hooks.example.com/in', events: ['mention.praise'] };
const admin = (method: Endpoint['method'], url: string, payload?: object) =>
  sec.h.call({ method, url, key: sec.h.keys.admin, payload });
const endpoints = (): Endpoint[] => [
  { method: 'POST', url: '/v1/webhooks', scope: 'admin', payload: { ...valid, url: 'https://evil.example.com/in' } },
  { method: 'GET', url: '/v1/webhooks', scope: 'admin' },
  { method: 'GET', url: `/v1/webhooks/${id}`, scope: 'admin' },
  { method: 'PATCH', url: `/v1/webhooks/${id}`, scope: 'admin', payload: { url: 'https://evil.example.com/in' } },
  { method: 'DELETE', url: `/v1/webhooks/${id}`, scope: 'admin' },
  { method: 'POST', url: `/v1/webhooks/${id}/rotate-secret`, scope: 'admin' },
  { method: 'GET', url: `/v1/webhooks/${id}/deliveries`, scope: 'admin' },
  { method: 'POST', url: `/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`, scope: 'admin' },
  { method: 'POST', url: `/v1/webhooks/${id}/test`, scope: 'admin' },
];

/** Every webhook row, delivery and event as stored (secrets included). */
async function snapshot() {
  const q = async (sql: string) => (await sec.h.database.pool.query(sql)).rows;
  return {
    webhooks: await q('SELECT * FROM webhooks ORDER BY id'),
    deliveries: await q('SELECT * FROM webhook_deliveries ORDER BY id'),
    events: await q('SELECT * FROM webhook_events ORDER BY id'),
  };
}
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const created = await admin('POST', '/v1/webhooks', valid);
  expect(created.status).toBe(201);
  id = created.body.id;
  const test = await admin('POST', `/v1/webhooks/${id}/test`);
  expect(test.status).toBe(202);
  deliveryId = test.body.id;
  before = await snapshot();
});

describe('/v1/webhooks: auth', () => {
  it('needs an admin key', async () => {
    const res = await sec.h.app.inject({ method: 'GET', url: '/v1/webhooks' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses no key, a malformed header, an unknown key and a revoked key on every route, writing nothing', async () => {
    for (const e of endpoints()) await sec.expectAuthRequired(e);
    expect(await snapshot()).toEqual(before);
  });
});

describe('/v1/webhooks: scopes', () => {
  it('refuses read and write keys on every route (subscriptions send data off the server), writing nothing', async () => {
    for (const e of endpoints()) await sec.expectScopeEnforced(e);
    expect(await snapshot()).toEqual(before);
  });
});

describe('/v1/webhooks: injection', () => {
  it.each(SQLISH)(
    'refuses %j as an id, an event, a format or a filter number with 400, writing nothing',
    async (text) => {
      const v = encodeURIComponent(text);
      expectBadRequest(await admin('GET', `/v1/webhooks/${v}`), 'params.id');
      expectBadRequest(await admin('PATCH', `/v1/webhooks/${v}`, { active: false }), 'params.id');
      expectBadRequest(await admin('DELETE', `/v1/webhooks/${v}`), 'params.id');
      expectBadRequest(await admin('POST', `/v1/webhooks/${id}/deliveries/${v}/redeliver`), 'params.deliveryId');
      expectBadRequest(await admin('GET', `/v1/webhooks/${id}/deliveries?status=${v}`), 'querystring.status');
      expectBadRequest(await admin('GET', `/v1/webhooks/${id}/deliveries?cursor=${v}`), 'querystring.cursor');
      expectBadRequest(await admin('POST', '/v1/webhooks', { ...valid, url: text }), 'body.url');
      expectBadRequest(await admin('POST', '/v1/webhooks', { ...valid, events: [text] }), 'body.events');
      expectBadRequest(await admin('POST', '/v1/webhooks', { ...valid, format: text }), 'body.format');
      expectBadRequest(await admin('PATCH', `/v1/webhooks/${id}`, { filters: { minFollowers: text } }), 'body.filters');
      expectBadRequest(await admin('PATCH', `/v1/webhooks/${id}`, { active: false, [text]: 1 }), /body/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses oversized input with 400 naming the field, writing nothing', async () => {
    const long = `https://hooks.example.com/${'p'.repeat(2048)}`;
    expectBadRequest(await admin('POST', '/v1/webhooks', { ...valid, url: long }), 'body.url');
    expectBadRequest(
      await admin('POST', '/v1/webhooks', { ...valid, description: 'd'.repeat(501) }),
      'body.description',
    );
    expectBadRequest(
      await admin('PATCH', `/v1/webhooks/${id}`, { filters: { brand: 'b'.repeat(201) } }),
      'body.filters.brand',
    );
    expectBadRequest(await admin('PATCH', `/v1/webhooks/${id}`, { hourlyCap: 1e9 }), 'body.hourlyCap');
    expectBadRequest(await admin('GET', `/v1/webhooks/${2 ** 31}`), 'params.id');
    expectBadRequest(await admin('GET', `/v1/webhooks/${id}/deliveries?limit=101`), 'querystring.limit');
    expect(await snapshot()).toEqual(before);
  });
});
