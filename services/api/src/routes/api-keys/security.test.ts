import { beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../../test/api-keys.js';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
/** A live key the refused requests below try to revoke. */
let victim: { id: string; key: string };
const endpoints = (): Endpoint[] => [
  { method: 'POST', url: '/v1/api-keys', scope: 'admin', payload: { name: 'sneaky', scopes: ['admin'] } },
  { method: 'GET', url: '/v1/api-keys', scope: 'admin' },
  { method: 'DELETE', url: `/v1/api-keys/${victim.id}`, scope: 'admin' },
];
const create = (payload: object) => createKey(sec.h, payload);

/** `refused` leaves the keys as they were: as many of them, and the victim still works. */
async function expectNoKeyChanged(refused: () => Promise<void>) {
  const before = await sec.countRows('api_keys');
  await refused();
  expect(await sec.countRows('api_keys')).toBe(before);
  expect((await sec.h.call({ method: 'GET', url: '/v1/feed', key: victim.key })).status).toBe(200);
}

beforeAll(async () => {
  const made = await create({ name: 'victim', scopes: ['read'] });
  victim = { id: made.body.id, key: made.body.key };
});

describe('/v1/api-keys: auth', () => {
  it('refuses a missing, malformed or unknown key with 401 in the error shape', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer gc_not-a-real-key-at-all' }]) {
      const res = await sec.h.call({ method: 'GET', url: '/v1/mentions', key: null, headers });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
    }
  });

  it('refuses no key, a malformed header, an unknown key and a revoked key on every route, writing nothing', async () => {
    await expectNoKeyChanged(async () => {
      for (const e of endpoints()) await sec.expectAuthRequired(e);
    });
  });
});

describe('/v1/api-keys: scopes', () => {
  it('enforces scopes: admin ⊃ write ⊃ read', async () => {
    const create = { method: 'POST' as const, url: '/v1/api-keys', payload: { name: 'x', scopes: ['read'] } };
    expect((await sec.h.call({ ...create, key: sec.h.keys.read })).status).toBe(403);
    const denied = await sec.h.call({ ...create, key: sec.h.keys.write });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await sec.h.call({ method: 'GET', url: '/v1/api-keys', key: sec.h.keys.read })).status).toBe(403);
    // A stored admin key (not only the bootstrap one) may manage keys.
    const admin = await sec.h.call({ ...create, key: sec.h.keys.admin, payload: { name: 'ops', scopes: ['admin'] } });
    expect((await sec.h.call({ method: 'GET', url: '/v1/api-keys', key: admin.body.key })).status).toBe(200);
    expect((await sec.h.call({ method: 'GET', url: '/v1/mentions', key: admin.body.key })).status).toBe(200);
  });

  it('refuses every key below admin with 403 on every route, writing nothing', async () => {
    await expectNoKeyChanged(async () => {
      for (const e of endpoints()) await sec.expectScopeEnforced(e);
    });
  });
});

describe('/v1/api-keys: injection', () => {
  it.each(SQLISH)('refuses %j as a scope with 400 naming the field, and makes no key', async (text) => {
    const before = await sec.countRows('api_keys');
    expectBadRequest(await create({ name: 'x', scopes: [text] }), 'body.scopes');
    expectBadRequest(await create({ name: 'x', scopes: ['read'], [text]: 1 }), /body/);
    expect(await sec.countRows('api_keys')).toBe(before);
  });

  it('stores a SQL-ish name as text, and revokes nothing for a SQL-ish id', async () => {
    const [text] = SQLISH as [string];
    const made = await create({ name: text, scopes: ['read'] });
    expect(made.status).toBe(201);
    const listed = await sec.h.call({ method: 'GET', url: '/v1/api-keys', key: sec.h.keys.admin });
    expect(listed.body.data.find((k: { id: string }) => k.id === made.body.id)?.name).toBe(text);
    const before = await sec.countRows('api_keys WHERE revoked_at IS NULL');
    for (const id of SQLISH) {
      const res = await sec.h.call({
        method: 'DELETE',
        url: `/v1/api-keys/${encodeURIComponent(id)}`,
        key: sec.h.keys.admin,
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect(await sec.countRows('api_keys WHERE revoked_at IS NULL')).toBe(before);
  });

  it('refuses oversized input with 400 naming the field, and makes no key', async () => {
    const before = await sec.countRows('api_keys');
    expectBadRequest(await create({ name: 'n'.repeat(201), scopes: ['read'] }), 'body.name');
    expectBadRequest(
      await sec.h.call({ method: 'DELETE', url: `/v1/api-keys/${'k'.repeat(65)}`, key: sec.h.keys.admin }),
      'params.id',
    );
    expect(await sec.countRows('api_keys')).toBe(before);
  });
});
