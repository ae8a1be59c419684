import { type OpenQueues, openQueues, QUEUES } from '@goodchatter/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
let queues: OpenQueues;
/** The query the refused requests below try to change, poll and delete. */
let id: number;
let stored: unknown;

let n = 0;
const body = (over: object = {}) => ({ brand: 'Acme Air', source: 'x', query: `@AcmeAir OR "Acme ${++n}"`, ...over });
const create = (over: object = {}, key = sec.h.keys.write) =>
  sec.h.call({ method: 'POST', url: '/v1/queries', payload: body(over), key });
const patch = (payload: object, queryId: number | string = id) =>
  sec.h.call({ method: 'PATCH', url: `/v1/queries/${queryId}`, key: sec.h.keys.write, payload });

const reads = (): Endpoint[] => [
  { method: 'GET', url: '/v1/queries', scope: 'read' },
  { method: 'GET', url: `/v1/queries/${id}`, scope: 'read' },
];
const writes = (): Endpoint[] => [
  { method: 'POST', url: '/v1/queries', scope: 'write', payload: body() },
  { method: 'PATCH', url: `/v1/queries/${id}`, scope: 'write', payload: { brand: 'Hijacked', enabled: false } },
  { method: 'POST', url: `/v1/queries/${id}/poll`, scope: 'write' },
  { method: 'DELETE', url: `/v1/queries/${id}`, scope: 'write' },
];

/** The query is as created, still the only one, and no poll-now job was added. */
async function expectUntouched() {
  expect(await sec.countRows('tracked_queries')).toBe(1);
  expect((await sec.h.call({ url: `/v1/queries/${id}` })).body).toEqual(stored);
  const jobs = await queues.getQueue(QUEUES.poll).getJobs(['waiting', 'delayed', 'active', 'prioritized']);
  expect(jobs.filter((j) => j.name === 'poll-now')).toEqual([]);
}

beforeAll(async () => {
  queues = openQueues({ connection: sec.h.redis, prefix: sec.h.env.prefix });
  const created = await create();
  expect(created.status).toBe(201);
  id = created.body.id;
  stored = (await sec.h.call({ url: `/v1/queries/${id}` })).body;
});
afterAll(async () => {
  await queues?.close();
});

describe('/v1/queries: auth', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key on every route', async () => {
    for (const e of [...reads(), ...writes()]) await sec.expectAuthRequired(e);
    await expectUntouched();
  });
});

describe('/v1/queries: scopes', () => {
  it('lets every key read', async () => {
    for (const e of reads()) await sec.expectReadable(e);
  });

  it('needs the write scope to create, change, poll or delete, and a refused request writes nothing', async () => {
    for (const e of writes()) await sec.expectScopeEnforced(e);
    await expectUntouched();
  });

  it('lets a read key look and not change; a write key change', async () => {
    const { read } = sec.h.keys;
    const id = (await create()).body.id as number;
    expect((await sec.h.call({ url: '/v1/queries', key: read })).status).toBe(200);
    expect((await sec.h.call({ url: `/v1/queries/${id}`, key: read })).status).toBe(200);
    expect((await create({}, read)).status).toBe(403);
    expect(
      (await sec.h.call({ method: 'PATCH', url: `/v1/queries/${id}`, payload: { brand: 'B' }, key: read })).status,
    ).toBe(403);
    expect((await sec.h.call({ method: 'POST', url: `/v1/queries/${id}/poll`, key: read })).status).toBe(403);
    expect((await sec.h.call({ method: 'DELETE', url: `/v1/queries/${id}`, key: read })).status).toBe(403);
    expect((await sec.h.call({ url: '/v1/queries', key: null })).status).toBe(401);
    // Leave only the query the other tests watch.
    expect((await sec.h.call({ method: 'DELETE', url: `/v1/queries/${id}`, key: sec.h.keys.write })).status).toBe(204);
  });

  it('lets only admins create replay queries (a file path the server opens)', async () => {
    const refused = await create({ source: 'replay', query: '/etc/passwd' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/admin scope/);
    await expectUntouched();
  });
});

describe('/v1/queries: injection', () => {
  it.each(SQLISH)(
    'refuses %j as a query id, a source or a number with 400 naming it, writing nothing',
    async (text) => {
      const v = encodeURIComponent(text);
      expectBadRequest(await sec.h.call({ url: `/v1/queries/${v}` }), 'params.id');
      expectBadRequest(await patch({ enabled: false }, v), 'params.id');
      expectBadRequest(
        await sec.h.call({ method: 'POST', url: `/v1/queries/${v}/poll`, key: sec.h.keys.write }),
        'params.id',
      );
      expectBadRequest(
        await sec.h.call({ method: 'DELETE', url: `/v1/queries/${v}`, key: sec.h.keys.write }),
        'params.id',
      );
      expectBadRequest(await create({ source: text }), 'body.source');
      expectBadRequest(await create({ pollIntervalSeconds: text }), 'body.pollIntervalSeconds');
      expectBadRequest(await create({ rules: [{ phrase: 'x', label: text }] }), 'body.rules');
      expectBadRequest(await patch({ enabled: text }), 'body.enabled');
      expectBadRequest(await patch({ brand: 'B', [text]: 1 }), /body/);
      await expectUntouched();
    },
  );

  it('refuses oversized input with 400 naming the field, writing nothing', async () => {
    expectBadRequest(await create({ brand: 'b'.repeat(201) }), 'body.brand');
    expectBadRequest(await create({ query: 'q'.repeat(4097) }), 'body.query');
    expectBadRequest(await create({ rules: [{ phrase: 'p'.repeat(201), label: 'neutral' }] }), 'body.rules');
    const many = Array.from({ length: 501 }, (_, i) => ({ phrase: `p${i}`, label: 'neutral' }));
    expectBadRequest(await create({ rules: many }), 'body.rules');
    expectBadRequest(await create({ dailyBudget: 1e12 }), 'body.dailyBudget');
    expectBadRequest(await patch({ brand: 'b'.repeat(201) }), 'body.brand');
    expectBadRequest(await sec.h.call({ url: `/v1/queries/${'9'.repeat(10)}` }), 'params.id');
    await expectUntouched();
  });
});
