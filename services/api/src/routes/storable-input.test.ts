import { recordRejections } from '@goodchatter/db';
import { mentionInput } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A valid pushed mention; `over` may make it invalid, which is what these tests send. */
const item = (over: Record<string, unknown> = {}) => ({
  ...mentionInput({ source: 'zendesk', externalId: 't-1', text: 'Great help from Maria' }),
  ...over,
});
const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('validation matches the columns: 400 naming the field, never a 500 or a lost 202', () => {
  it.each([
    ['/v1/feed?brand=%00', 'querystring.brand: must not contain NUL bytes or unpaired surrogates'],
    ['/v1/mentions?q=a%00b', 'querystring.q: must not contain NUL bytes'],
    ['/v1/mentions?staff=%00', 'querystring.staff'],
    ['/v1/mentions?source=%00', 'querystring.source'],
    ['/v1/mentions?lang=e%00n', 'querystring.lang'],
    ['/v1/mentions?queryId=2147483648', 'querystring.queryId: Too big'],
    ['/v1/feed?queryId=2147483648', 'querystring.queryId: Too big'],
    ['/v1/mentions?minFollowers=3000000000', 'querystring.minFollowers: Too big'],
    [`/v1/mentions?cursor=${b64('newest~1e300~1')}`, 'querystring.cursor'],
    [`/v1/mentions?sort=reach&cursor=${b64('reach~3000000000~1')}`, 'querystring.cursor'],
    [`/v1/mentions?sort=confidence&cursor=${b64('confidence~1e300~1')}`, 'querystring.cursor'],
    [`/v1/feed?cursor=${b64('feed~1e999~1')}`, 'querystring.cursor'],
  ])('GET %s', async (url, message) => {
    const res = await h.call({ method: 'GET', url });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_request', requestId: expect.any(String) });
    expect(res.body.error.message).toContain(message);
  });

  it('refuses a NUL byte in a path parameter', async () => {
    const res = await h.call({ method: 'DELETE', url: '/v1/api-keys/%00', key: h.keys.admin });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('params.id');
  });

  it.each([
    [{ author: { handle: 'ann', followers: 3_000_000_000 } }, 'body.mentions.0.author.followers: Too big'],
    [{ text: 'nul \u0000' }, 'body.mentions.0.text: must not contain NUL bytes'],
    [{ externalId: 'a\u0000' }, 'body.mentions.0.externalId'],
    [{ author: { handle: 'a\u0000' } }, 'body.mentions.0.author.handle'],
    [{ text: 'lone \ud800' }, 'body.mentions.0.text'],
    [{ postedAt: '0000-01-01T00:00:00Z' }, 'body.mentions.0.postedAt: must be on or after 1970'],
    [{ postedAt: '1969-12-31T23:59:59Z' }, 'body.mentions.0.postedAt'],
  ])('refuses an unstorable pushed mention %j', async (over, message) => {
    const payload = { mentions: [item(over)] };
    const res = await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.write, payload });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses NUL bytes and huge numbers in other bodies', async () => {
    const admin = h.keys.admin;
    const cases = [
      ['/v1/api-keys', { name: 'a\u0000', scopes: ['read'] }, 'body.name'],
      ['/v1/queries', { brand: 'A\u0000', source: 'x', query: 'acme' }, 'body.brand'],
      [
        '/v1/queries',
        { brand: 'A', source: 'x', query: 'acme', rules: [{ phrase: '\ud800', label: 'neutral' }] },
        'body.rules.0.phrase',
      ],
      [
        '/v1/webhooks',
        { url: 'https://example.com/h', events: ['mention.praise'], description: '\u0000' },
        'body.description',
      ],
      [
        '/v1/webhooks',
        { url: 'https://example.com/h', events: ['mention.praise'], filters: { minFollowers: 3_000_000_000 } },
        'body.filters.minFollowers',
      ],
    ] as const;
    for (const [url, payload, field] of cases) {
      const res = await h.call({ method: 'POST', url, key: admin, payload });
      expect(res.status, url).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
  });

  it('accepts a mention posted at the epoch exactly', async () => {
    const payload = { mentions: [item({ postedAt: '1970-01-01T00:00:00Z' })] };
    expect((await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.write, payload })).status).toBe(202);
  });
});

describe('GET /v1/rejected', () => {
  it('lists dead letters newest first, paged', async () => {
    await recordRejections(h.database.db, [
      { stage: 'score', item: item({ text: 'nul \u0000' }), reason: 'text: must not contain NUL bytes' },
      { stage: 'replay', item: '{"id":"x"', reason: 'not JSON', queryId: 7, line: 12 },
    ]);
    const first = await h.call({ method: 'GET', url: '/v1/rejected?limit=1' });
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual([
      expect.objectContaining({
        stage: 'replay',
        line: 12,
        queryId: 7,
        reason: 'not JSON',
        payload: '"{\\"id\\":\\"x\\""',
      }),
    ]);
    const second = await h.call({ method: 'GET', url: `/v1/rejected?limit=1&cursor=${first.body.nextCursor}` });
    expect(second.body.data[0]).toMatchObject({ stage: 'score', source: 'zendesk', externalId: 't-1' });
    expect(second.body.nextCursor).toBeNull();
    const metrics = await h.call({ method: 'GET', url: '/metrics', key: null });
    expect(metrics.text).toContain('# TYPE goodchatter_mentions_rejected gauge');
  });
});
