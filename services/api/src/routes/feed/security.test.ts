import { insertMentions } from '@goodchatter/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentionRow } from '../../test/api-harness.js';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
const feed: Endpoint = { method: 'GET', url: '/v1/feed', scope: 'read' };
const get = (query: string) => sec.h.call({ method: 'GET', url: `/v1/feed?${query}` });

beforeAll(async () => {
  await insertMentions(sec.h.database.db, [mentionRow(1, { brand: 'Acme', postedAt: new Date() })]);
});

describe('GET /v1/feed: auth', () => {
  it('needs a key', async () => {
    expect((await sec.h.call({ method: 'GET', url: '/v1/feed', key: null })).status).toBe(401);
  });

  it('refuses no key, a malformed header, an unknown key and a revoked key with 401', async () => {
    await sec.expectAuthRequired(feed);
  });

  it('lets every key read it (nothing ranks below read)', async () => {
    await sec.expectReadable(feed);
  });
});

describe('GET /v1/feed: injection', () => {
  it.each(SQLISH)('refuses %j where a number or a cursor goes, naming the parameter', async (text) => {
    const v = encodeURIComponent(text);
    expectBadRequest(await get(`limit=${v}`), 'querystring.limit');
    expectBadRequest(await get(`queryId=${v}`), 'querystring.queryId');
    expectBadRequest(await get(`cursor=${v}`), 'querystring.cursor');
  });

  it('takes SQL-ish text filters as text: they match nothing and change nothing', async () => {
    for (const text of SQLISH) {
      const v = encodeURIComponent(text);
      for (const param of ['brand', 'source']) {
        const res = await get(`${param}=${v}`);
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      }
    }
    expect(await sec.countRows('mentions')).toBe(1);
    expect((await get('brand=Acme')).body.data).toHaveLength(1);
  });

  it('refuses oversized and unknown parameters with 400', async () => {
    expectBadRequest(await get(`brand=${'a'.repeat(201)}`), 'querystring.brand');
    expectBadRequest(await get(`source=${'s'.repeat(101)}`), 'querystring.source');
    expectBadRequest(await get(`cursor=${'c'.repeat(201)}`), 'querystring.cursor');
    expectBadRequest(await get('limit=101'), 'querystring.limit');
    expectBadRequest(await get(`queryId=${2 ** 31}`), 'querystring.queryId');
    expectBadRequest(await get('brand=Acme&where=1'), /querystring/);
  });
});
