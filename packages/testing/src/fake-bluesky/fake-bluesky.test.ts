/**
 * The fake Bluesky's own wire behaviour, checked with plain fetch so a mistake in the fake
 * cannot hide behind the client under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBluesky, startFakeBluesky, tid } from './index.js';

let fb: FakeBluesky;
beforeEach(async () => {
  fb = await startFakeBluesky({ handle: 'care.acme.example', appPassword: 'pw', rateLimit: 3 });
});
afterEach(async () => {
  await fb.close();
});

// biome-ignore lint/suspicious/noExplicitAny: a test reads the raw wire format
type Json = any;
async function xrpc(nsid: string, init: { query?: Record<string, string>; body?: unknown; bearer?: string } = {}) {
  const qs = new URLSearchParams(init.query ?? {});
  const res = await fetch(`${fb.url}/xrpc/${nsid}?${qs}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}
const login = async () =>
  (await xrpc('com.atproto.server.createSession', { body: { identifier: 'care.acme.example', password: 'pw' } })).body;

describe('fake Bluesky sessions', () => {
  it('creates a session for the app password, with a DID document naming itself as the PDS', async () => {
    const session = await login();
    expect(session).toMatchObject({
      handle: 'care.acme.example',
      did: expect.stringMatching(/^did:plc:[a-z2-7]{24}$/),
    });
    expect(session.didDoc.service[0].serviceEndpoint).toBe(fb.url);
    const wrong = await xrpc('com.atproto.server.createSession', {
      body: { identifier: 'care.acme.example', password: 'x' },
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'AuthenticationRequired' } });
  });

  it('expired access tokens answer 400 ExpiredToken; refresh rotates the refresh token', async () => {
    const session = await login();
    fb.expireAccessTokens();
    const expired = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' }, bearer: session.accessJwt });
    expect(expired).toMatchObject({ status: 400, body: { error: 'ExpiredToken' } });
    const fresh = await xrpc('com.atproto.server.refreshSession', { body: {}, bearer: session.refreshJwt });
    expect(fresh.status).toBe(200);
    const again = await xrpc('com.atproto.server.refreshSession', { body: {}, bearer: session.refreshJwt });
    expect(again).toMatchObject({ status: 400, body: { error: 'ExpiredToken', message: 'Token has been revoked' } });
    expect(
      (await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' }, bearer: fresh.body.accessJwt })).status,
    ).toBe(200);
  });

  it('a revoked app password fails both refresh and login', async () => {
    const session = await login();
    fb.revokeAppPassword();
    expect((await xrpc('com.atproto.server.refreshSession', { body: {}, bearer: session.refreshJwt })).status).toBe(
      400,
    );
    expect(await login()).toMatchObject({ error: 'AuthenticationRequired' });
  });
});

describe('fake Bluesky searchPosts', () => {
  it('sorts by sortAt (the earlier of createdAt and indexedAt), filters since/until on it, pages by offset cursor', async () => {
    const t = Date.now() - 60_000;
    const [a, b, c] = fb.addPosts([
      { text: 'acme a', indexedAt: new Date(t), createdAt: new Date(t - 500) },
      { text: 'acme b', indexedAt: new Date(t + 2000), createdAt: new Date(t - 100) }, // indexed late
      { text: 'acme c', indexedAt: new Date(t + 3000) },
    ]);
    const { accessJwt } = await login();
    const page1 = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'ACME', limit: '2' }, bearer: accessJwt });
    expect(page1.body.posts.map((p: Json) => p.uri)).toEqual([c?.uri, b?.uri]);
    expect(page1.body.cursor).toBe('2');
    const page2 = await xrpc('app.bsky.feed.searchPosts', {
      query: { q: 'acme', limit: '2', cursor: page1.body.cursor },
      bearer: accessJwt,
    });
    expect(page2.body.posts.map((p: Json) => p.uri)).toEqual([a?.uri]);
    expect(page2.body.cursor).toBeUndefined();
    // since = a's indexedAt: b was indexed after it, but sorts by its earlier createdAt.
    const since = await xrpc('app.bsky.feed.searchPosts', {
      query: { q: 'acme', since: a?.indexedAt ?? '' },
      bearer: accessJwt,
    });
    expect(since.body.posts.map((p: Json) => p.uri)).toEqual([c?.uri]);
  });

  it('renders PostViews with a CIDv1, a TID record key and the record', async () => {
    const [post] = fb.addPosts([
      { text: 'acme rocks', langs: ['en'], author: { handle: 'amy.example', displayName: 'Amy' } },
    ]);
    const { accessJwt } = await login();
    const res = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' }, bearer: accessJwt });
    const [view] = res.body.posts;
    expect(view).toMatchObject({
      uri: post?.uri,
      cid: expect.stringMatching(/^bafyrei[a-z2-7]{52}$/),
      author: { handle: 'amy.example', displayName: 'Amy' },
      record: { $type: 'app.bsky.feed.post', text: 'acme rocks', langs: ['en'] },
      indexedAt: post?.indexedAt,
    });
    expect(view.uri).toMatch(/^at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.post\/[2-7a-z]{13}$/);
    expect(tid(0, 0)).toBe('2222222222222');
  });

  it('needs a session and validates limit; every search request spends the rate limit, down to a 429', async () => {
    expect((await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' } })).status).toBe(401);
    const { accessJwt } = await login();
    const bad = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme', limit: '101' }, bearer: accessJwt });
    expect(bad).toMatchObject({ status: 400, body: { error: 'InvalidRequest' }, headers: expect.any(Headers) });
    expect(bad.headers.get('ratelimit-remaining')).toBe('1');
    const ok = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' }, bearer: accessJwt });
    expect([ok.status, ok.headers.get('ratelimit-remaining')]).toEqual([200, '0']);
    const limited = await xrpc('app.bsky.feed.searchPosts', { query: { q: 'acme' }, bearer: accessJwt });
    expect(limited).toMatchObject({ status: 429, body: { error: 'RateLimitExceeded' } });
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });
});
