/**
 * The fake X API's own wire behaviour, checked with plain fetch so a mistake in the fake
 * cannot hide behind the adapter under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeX, startFakeX } from './index.js';
import { snowflakeTime } from './tweets.js';

let fx: FakeX;
beforeEach(async () => {
  fx = await startFakeX({ bearerToken: 'tok', rateLimit: 3 });
});
afterEach(async () => {
  await fx.close();
});

async function search(params: Record<string, string>, token = 'tok') {
  const qs = new URLSearchParams({ query: 'acme', ...params });
  const res = await fetch(`${fx.url}/2/tweets/search/recent?${qs}`, { headers: { authorization: `Bearer ${token}` } });
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the raw wire format
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

function seed(count: number) {
  const now = Date.now();
  return fx.addTweets(
    Array.from({ length: count }, (_, i) => ({ text: `t${i}`, createdAt: new Date(now - (count - i) * 1000) })),
  );
}

describe('fake X recent search', () => {
  it('pages newest first with next_token and meta', async () => {
    const added = seed(25);
    const first = await search({ max_results: '10' });
    expect(first.body.data.map((t: { id: string }) => t.id)).toEqual(
      added
        .slice(15)
        .reverse()
        .map((t) => t.id),
    );
    expect(first.body.meta).toMatchObject({ result_count: 10, newest_id: added[24]?.id, oldest_id: added[15]?.id });
    const second = await search({ max_results: '10', next_token: first.body.meta.next_token });
    const third = await search({ max_results: '10', next_token: second.body.meta.next_token });
    expect(second.body.data[0].id).toBe(added[14]?.id);
    expect(third.body.meta.result_count).toBe(5);
    expect(third.body.meta.next_token).toBeUndefined();
  });

  it('since_id and until_id are exclusive; start_time is inclusive', async () => {
    const added = seed(15);
    const window = await search({ since_id: added[3]?.id ?? '', until_id: added[8]?.id ?? '' });
    expect(window.body.data.map((t: { id: string }) => t.id)).toEqual(
      added
        .slice(4, 8)
        .reverse()
        .map((t) => t.id),
    );
    const from = await search({ start_time: added[12]?.createdAt ?? '' });
    expect(from.body.meta.result_count).toBe(3);
    expect(snowflakeTime(added[0]?.id ?? '0')).toBe(Date.parse(added[0]?.createdAt ?? ''));
  });

  it('an empty result has only meta.result_count', async () => {
    expect((await search({})).body).toEqual({ meta: { result_count: 0 } });
  });

  it('renders only requested fields, with includes.users for expansions=author_id', async () => {
    fx.addTweets([{ text: 'hi', author: { username: 'amy', followers: 5, verified: true } }]);
    const bare = await search({});
    expect(Object.keys(bare.body.data[0]).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
    expect(bare.body.includes).toBeUndefined();
    const full = await search({
      'tweet.fields': 'created_at,author_id',
      expansions: 'author_id',
      'user.fields': 'public_metrics,verified',
    });
    expect(full.body.data[0]).toHaveProperty('created_at');
    expect(full.body.includes.users[0]).toMatchObject({ username: 'amy', verified: true });
    expect(full.body.includes.users[0].public_metrics.followers_count).toBe(5);
  });

  it('answers bad parameters with X-style 400s', async () => {
    expect((await search({ max_results: '5' })).status).toBe(400);
    expect((await search({ start_time: new Date(Date.now() - 8 * 86_400_000).toISOString() })).status).toBe(400);
    const empty = await search({ query: ' ' });
    expect(empty.body.title).toBe('Invalid Request');
  });

  it('401s a wrong bearer token and records the auth header', async () => {
    const res = await search({}, 'nope');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ title: 'Unauthorized', status: 401 });
    expect(fx.requests[0]?.authorization).toBe('Bearer nope');
  });

  it('counts down x-rate-limit-remaining and 429s when the window is spent', async () => {
    const remaining = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await search({});
      remaining.push([res.status, res.headers.get('x-rate-limit-remaining')]);
    }
    expect(remaining).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
  });

  it('plays scripted faults in order, then answers normally', async () => {
    fx.failNext({ status: 429, resetInSeconds: 2 });
    fx.failNext({ status: 503 });
    const limited = await search({});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('x-rate-limit-reset'))).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 2);
    expect((await search({})).status).toBe(503);
    expect((await search({})).status).toBe(200);
    expect(fx.requests.map((r) => r.status)).toEqual([429, 503, 200]);
  });

  it('duplicateBoundaryOnce repeats the last tweet of a page at the top of the next', async () => {
    seed(15);
    fx.duplicateBoundaryOnce();
    const first = await search({});
    const second = await search({ next_token: first.body.meta.next_token });
    expect(second.body.data[0].id).toBe(first.body.data[9].id);
    expect(second.body.meta.result_count).toBe(6);
  });
});
