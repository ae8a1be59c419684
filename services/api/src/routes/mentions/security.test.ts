import { insertMentions } from '@goodchatter/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentionRow } from '../../test/api-harness.js';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
let id: number;
const reads = (): Endpoint[] => [
  { method: 'GET', url: '/v1/mentions', scope: 'read' },
  { method: 'GET', url: `/v1/mentions/${id}`, scope: 'read' },
  { method: 'GET', url: `/v1/mentions/${id}/history`, scope: 'read' },
  { method: 'GET', url: '/v1/mentions.csv', scope: 'read' },
  { method: 'GET', url: '/v1/feedback', scope: 'read' },
];
const change = (): Endpoint => ({
  method: 'PATCH',
  url: `/v1/mentions/${id}`,
  scope: 'write',
  payload: { status: 'thanked', note: 'should not land' },
});
const get = (url: string) => sec.h.call({ method: 'GET', url });
const patch = (payload: object, mentionId: number | string = id) =>
  sec.h.call({ method: 'PATCH', url: `/v1/mentions/${mentionId}`, key: sec.h.keys.write, payload });

/** The mention is as inserted: still `new`, no history, no override. */
async function expectUntouched() {
  const res = await get(`/v1/mentions/${id}`);
  expect(res.body).toMatchObject({ status: 'new', statusNote: null, overrideReason: null, label: 'praise' });
  expect((await get(`/v1/mentions/${id}/history`)).body.data).toEqual([]);
  expect(await sec.countRows('mentions')).toBe(1);
}

beforeAll(async () => {
  const [row] = await insertMentions(sec.h.database.db, [mentionRow(1, { brand: 'Acme', staff: ['Priya'] })]);
  id = row?.id as number;
});

describe('mentions: auth', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key on every route', async () => {
    for (const e of [...reads(), change()]) await sec.expectAuthRequired(e);
    await expectUntouched();
  });
});

describe('mentions: scopes', () => {
  it('lets every key read', async () => {
    for (const e of reads()) await sec.expectReadable(e);
  });

  it('needs the write scope to change a mention, and a refused change writes nothing', async () => {
    await sec.expectScopeEnforced(change());
    await expectUntouched();
  });
});

describe('mentions: injection', () => {
  it.each(SQLISH)('refuses %j where an id, a number, an enum or a cursor goes, naming it', async (text) => {
    const v = encodeURIComponent(text);
    expectBadRequest(await get(`/v1/mentions/${v}`), 'params.id');
    expectBadRequest(await get(`/v1/mentions/${v}/history`), 'params.id');
    expectBadRequest(await patch({ status: 'thanked' }, v), 'params.id');
    for (const param of ['queryId', 'minFollowers', 'limit', 'label', 'status', 'sort', 'cursor', 'since']) {
      expectBadRequest(await get(`/v1/mentions?${param}=${v}`), `querystring.${param}`);
    }
    expectBadRequest(await get(`/v1/mentions.csv?limit=${v}`), 'querystring.limit');
    expectBadRequest(await get(`/v1/feedback?confirmed=${v}`), 'querystring.confirmed');
  });

  it('takes SQL-ish text filters as text: they match nothing and change nothing', async () => {
    for (const text of SQLISH) {
      const v = encodeURIComponent(text);
      for (const param of ['brand', 'source', 'staff', 'q']) {
        const res = await get(`/v1/mentions?${param}=${v}`);
        expect(res.status, `${param}=${text}`).toBe(200);
        expect(res.body.data).toEqual([]);
      }
      const csv = await get(`/v1/mentions.csv?brand=${v}`);
      expect(csv.status).toBe(200);
      expect(csv.text.trim().split('\n')).toHaveLength(1);
    }
    expect((await get('/v1/mentions?brand=Acme')).body.data).toHaveLength(1);
    await expectUntouched();
  });

  it.each(SQLISH)('refuses %j as a status or a label with 400, changing nothing', async (text) => {
    expectBadRequest(await patch({ status: text }), 'body.status');
    expectBadRequest(await patch({ label: text, reason: 'x' }), 'body.label');
    expectBadRequest(await patch({ status: 'thanked', [text]: 1 }), /body/);
    await expectUntouched();
  });

  it('refuses oversized input with 400 naming the field, changing nothing', async () => {
    for (const param of ['brand', 'staff', 'q']) {
      expectBadRequest(await get(`/v1/mentions?${param}=${'a'.repeat(201)}`), `querystring.${param}`);
    }
    expectBadRequest(await get(`/v1/mentions?source=${'s'.repeat(65)}`), 'querystring.source');
    expectBadRequest(await get(`/v1/mentions?lang=${'l'.repeat(17)}`), 'querystring.lang');
    expectBadRequest(await get(`/v1/mentions?cursor=${'c'.repeat(201)}`), 'querystring.cursor');
    expectBadRequest(await get('/v1/mentions?limit=101'), 'querystring.limit');
    expectBadRequest(await get(`/v1/mentions/${'9'.repeat(19)}`), 'params.id');
    expectBadRequest(await patch({ status: 'thanked', note: 'n'.repeat(2001) }), 'body.note');
    expectBadRequest(await patch({ label: 'complaint', reason: 'r'.repeat(2001) }), 'body.reason');
    await expectUntouched();
  });
});
