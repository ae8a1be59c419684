import { beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
/** The alias the refused requests below try to delete. */
let aliasId: number;

const merge = (payload: object) =>
  sec.h.call({ method: 'POST', url: '/v1/staff-aliases', key: sec.h.keys.write, payload });
const list: Endpoint = { method: 'GET', url: '/v1/staff-aliases', scope: 'read' };
const writes = (): Endpoint[] => [
  {
    method: 'POST',
    url: '/v1/staff-aliases',
    scope: 'write',
    payload: { brand: 'Acme', person: 'Mallory', aliases: ['priya s.'] },
  },
  { method: 'DELETE', url: `/v1/staff-aliases/${aliasId}`, scope: 'write' },
];

/** The aliases as merged in beforeAll, nothing more, nothing moved. */
async function expectUntouched() {
  const res = await sec.h.call({ method: 'GET', url: '/v1/staff-aliases' });
  expect(res.body.data).toEqual([{ id: aliasId, brand: 'Acme', person: 'Priya', alias: 'priya s.' }]);
}

beforeAll(async () => {
  const made = await merge({ brand: 'Acme', person: 'Priya', aliases: ['Priya S.'] });
  expect(made.status).toBe(201);
  aliasId = made.body.data[0].id;
});

describe('/v1/staff-aliases: auth and scopes', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key on every route', async () => {
    for (const e of [list, ...writes()]) await sec.expectAuthRequired(e);
    await expectUntouched();
  });

  it('lets every key list them', async () => {
    await sec.expectReadable(list);
  });

  it('needs the write scope to merge or delete, and a refused request writes nothing', async () => {
    for (const e of writes()) await sec.expectScopeEnforced(e);
    await expectUntouched();
  });
});

describe('/v1/staff-aliases: injection', () => {
  it.each(SQLISH)('refuses %j as an id with 400, and takes it as text in a filter', async (text) => {
    const v = encodeURIComponent(text);
    expectBadRequest(
      await sec.h.call({ method: 'DELETE', url: `/v1/staff-aliases/${v}`, key: sec.h.keys.write }),
      'params.id',
    );
    const filtered = await sec.h.call({ method: 'GET', url: `/v1/staff-aliases?brand=${v}` });
    expect(filtered.status).toBe(200);
    expect(filtered.body.data).toEqual([]);
    expectBadRequest(await merge({ brand: 'Acme', person: 'P', aliases: 'x', [text]: 1 }), /body/);
    await expectUntouched();
  });

  it('refuses oversized input with 400 naming the field, writing nothing', async () => {
    expectBadRequest(await merge({ brand: 'b'.repeat(201), person: 'P', aliases: ['p'] }), 'body.brand');
    expectBadRequest(await merge({ brand: 'Acme', person: 'p'.repeat(201), aliases: ['p'] }), 'body.person');
    expectBadRequest(await merge({ brand: 'Acme', person: 'P', aliases: ['a'.repeat(201)] }), 'body.aliases');
    const many = Array.from({ length: 51 }, (_, i) => `alias ${i}`);
    expectBadRequest(await merge({ brand: 'Acme', person: 'P', aliases: many }), 'body.aliases');
    expectBadRequest(
      await sec.h.call({ method: 'GET', url: `/v1/staff-aliases?brand=${'b'.repeat(201)}` }),
      'querystring.brand',
    );
    expectBadRequest(
      await sec.h.call({ method: 'DELETE', url: `/v1/staff-aliases/${2 ** 31}`, key: sec.h.keys.write }),
      'params.id',
    );
    await expectUntouched();
  });
});
