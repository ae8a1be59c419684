import { insertMentions } from '@goodchatter/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentionRow } from '../../test/api-harness.js';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
const endpoints: Endpoint[] = [
  { method: 'GET', url: '/v1/kudos', scope: 'read' },
  { method: 'GET', url: '/v1/stats', scope: 'read' },
];
const get = (url: string) => sec.h.call({ method: 'GET', url });

beforeAll(async () => {
  await insertMentions(sec.h.database.db, [mentionRow(1, { brand: 'Acme', staff: ['Priya'], postedAt: new Date() })]);
});

describe('reports: auth and scopes', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key with 401', async () => {
    for (const e of endpoints) await sec.expectAuthRequired(e);
  });

  it('lets every key read them (nothing ranks below read)', async () => {
    for (const e of endpoints) await sec.expectReadable(e);
  });
});

describe('reports: injection', () => {
  it.each(SQLISH)('refuses %j where a time or a number goes, naming the parameter', async (text) => {
    const v = encodeURIComponent(text);
    for (const url of ['/v1/kudos', '/v1/stats']) {
      expectBadRequest(await get(`${url}?since=${v}`), 'querystring.since');
      expectBadRequest(await get(`${url}?until=${v}`), 'querystring.until');
      expectBadRequest(await get(`${url}?brand=Acme&${v}=1`), /querystring/);
    }
    expectBadRequest(await get(`/v1/kudos?perStaff=${v}`), 'querystring.perStaff');
  });

  it('takes SQL-ish text filters as text: they match nothing and change nothing', async () => {
    for (const text of SQLISH) {
      const v = encodeURIComponent(text);
      const kudos = await get(`/v1/kudos?brand=${v}`);
      expect(kudos.status).toBe(200);
      expect(kudos.body.data).toEqual([]);
      for (const param of ['brand', 'source']) {
        const stats = await get(`/v1/stats?${param}=${v}`);
        expect(stats.status).toBe(200);
        expect(stats.body.data).toEqual([]);
      }
    }
    expect(await sec.countRows('mentions')).toBe(1);
    expect((await get('/v1/kudos?brand=Acme')).body.data).toHaveLength(1);
  });

  it('refuses oversized input with 400 naming the parameter', async () => {
    expectBadRequest(await get(`/v1/kudos?brand=${'b'.repeat(201)}`), 'querystring.brand');
    expectBadRequest(await get('/v1/kudos?perStaff=501'), 'querystring.perStaff');
    expectBadRequest(await get(`/v1/stats?brand=${'b'.repeat(201)}`), 'querystring.brand');
    expectBadRequest(await get(`/v1/stats?source=${'s'.repeat(101)}`), 'querystring.source');
  });
});
