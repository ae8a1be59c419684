import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
});
afterAll(async () => {
  await h.close();
});

let n = 0;
const body = (over: object = {}) => ({ brand: 'Acme Air', source: 'x', query: `@AcmeAir OR "Acme ${++n}"`, ...over });
const create = (over: object = {}, key = h.keys.write) =>
  h.call({ method: 'POST', url: '/v1/queries', payload: body(over), key });

describe('POST /v1/queries validation', () => {
  it.each([
    ['too long', { query: `"${'a'.repeat(520)}"` }, /body\.query: query is 522 characters; X allows at most 512/],
    ['too long once -is:retweet is added', { query: 'a'.repeat(500) }, /exceeds X's 512/],
    ['an unclosed quote', { query: '"Acme Air' }, /body\.query: query has an unclosed double quote/],
    ['an unclosed parenthesis', { query: '(Acme OR Air' }, /body\.query: query has a "\(" without a matching "\)"/],
    ['a stray parenthesis', { query: 'Acme) OR (Air' }, /body\.query: query has a "\)" without a matching "\("/],
    ['an empty query', { query: '' }, /body\.query: query must not be empty/],
    ['a blank query', { query: '   ' }, /body\.query: query must not be empty/],
    ['empty parentheses', { query: '()' }, /body\.query: query must not be empty/],
    ['an interval under 15 s', { pollIntervalSeconds: 10 }, /body\.pollIntervalSeconds: must be at least 15 seconds/],
    ['a fractional interval', { pollIntervalSeconds: 20.5 }, /body\.pollIntervalSeconds/],
    ['a lookback over 7 days', { lookbackSeconds: 604_801 }, /body\.lookbackSeconds: must be at most 604800 seconds/],
    ['a budget under a page', { dailyBudget: 5 }, /body\.dailyBudget: must be at least 10/],
    ['a rule with an unknown label', { rules: [{ phrase: 'on hold', label: 'angry' }] }, /body\.rules\.0\.label/],
    ['a rule with an empty phrase', { rules: [{ phrase: ' ', label: 'neutral' }] }, /body\.rules\.0\.phrase/],
    ['an unknown source', { source: 'threads' }, /body\.source/],
    ['an unknown field', { colour: 'red' }, /colour/],
  ])('answers 400 for %s, and stores nothing', async (_what, over, message) => {
    const before = (await h.call({ url: '/v1/queries' })).body.data.length;
    const res = await create(over);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toMatch(message);
    expect((await h.call({ url: '/v1/queries' })).body.data).toHaveLength(before);
  });

  it('accepts the same text on the replay source (a file path there) but not an empty one', async () => {
    expect((await create({ source: 'replay', query: '/data/mentions.jsonl' }, h.keys.admin)).status).toBe(201);
    const empty = await create({ source: 'replay', query: ' ' }, h.keys.admin);
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('body.query: query must not be empty');
  });
});

describe('per-query phrase rules', () => {
  it('are stored with the query, shown and replaced by PATCH', async () => {
    const rules = [{ phrase: 'united way', label: 'neutral' }];
    const created = await create({ rules });
    expect(created.status).toBe(201);
    expect(created.body.rules).toEqual(rules);
    const id = created.body.id;
    const patched = await h.call({
      method: 'PATCH',
      url: `/v1/queries/${id}`,
      key: h.keys.write,
      payload: { rules: [{ phrase: 'no complaints', label: 'praise' }] },
    });
    expect(patched.status).toBe(200);
    const shown = await h.call({ url: `/v1/queries/${id}`, key: h.keys.read });
    expect(shown.body.rules).toEqual([{ phrase: 'no complaints', label: 'praise' }]);
  });
});

describe('Mastodon and Bluesky queries', () => {
  // This process has no MASTODON_ACCESS_TOKEN, as an API without one.
  it('accepts a Mastodon #tag query (the public tag timeline needs no token) and OR-ed tags', async () => {
    expect((await create({ source: 'mastodon', query: '#AcmeAir' })).status).toBe(201);
    const several = await create({ source: 'mastodon', query: '#acmeair OR #acme' });
    expect(several.status).toBe(201);
    expect(several.body).toMatchObject({ source: 'mastodon', query: '#acmeair OR #acme', status: 'active' });
  });

  it('refuses a Mastodon search query without MASTODON_ACCESS_TOKEN, saying so, and stores nothing', async () => {
    const before = (await h.call({ url: '/v1/queries' })).body.data.length;
    const res = await create({ source: 'mastodon', query: '"Acme Air" crew' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'body.query: a Mastodon search (any query but #tags, e.g. "#acmeair OR #acme") needs MASTODON_ACCESS_TOKEN: Mastodon searches posts only for a signed-in account',
    );
    expect((await h.call({ url: '/v1/queries' })).body.data).toHaveLength(before);
  });

  it('refuses more than 5 Mastodon tags, and a search text on PATCH too', async () => {
    const six = await create({ source: 'mastodon', query: '#a OR #b OR #c OR #d OR #e OR #f' });
    expect(six.status).toBe(400);
    expect(six.body.error.message).toMatch(/takes at most 5/);
    const id = (await create({ source: 'mastodon', query: '#patchme' })).body.id;
    const patched = await h.call({
      method: 'PATCH',
      url: `/v1/queries/${id}`,
      key: h.keys.write,
      payload: { query: 'acme crew' },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.message).toMatch(/needs MASTODON_ACCESS_TOKEN/);
  });

  it('accepts Bluesky search text; refuses an empty one; 409 on the same text twice', async () => {
    const created = await create({ source: 'bluesky', query: '"acme air" crew' });
    expect(created.status).toBe(201);
    expect((await create({ source: 'bluesky', query: '"acme air" crew' })).status).toBe(409);
    const empty = await create({ source: 'bluesky', query: ' ' });
    expect(empty.body.error.message).toBe('body.query: query must not be empty');
  });
});
