import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSignInPath } from '../../sign-in-link.js';
import { ADMIN_KEY, type Harness, startHarness } from '../../test/api-harness.js';
import { sessionToken } from '../../test/session-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Follows a sign-in link as a browser would; the redirect and the session it set, if any. */
async function follow(url: string) {
  const res = await h.call({ method: 'GET', url, key: null });
  const token = sessionToken(res.headers);
  const session = token
    ? await h.call({ method: 'GET', url: '/v1/session', key: null, headers: { cookie: `gc_session=${token}` } })
    : undefined;
  return { status: res.status, location: res.headers.location, session: session?.body, res };
}

describe('one-time sign-in links', () => {
  it('POST /v1/session/links makes a link for the admin; it signs a browser in once, then says expired', async () => {
    const before = Date.now();
    const made = await h.call({ method: 'POST', url: '/v1/session/links', key: h.keys.admin });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      token: expect.stringMatching(/^[\w-]{40,}$/),
      url: `/sign-in?token=${made.body.token}`,
      expiresAt: expect.any(String),
    });
    const minutes = (Date.parse(made.body.expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThan(10.1);

    const first = await follow(made.body.url);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/');
    expect(String(first.res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    expect(first.session.key).toEqual({ id: 'env-admin', name: 'GOODCHATTER_ADMIN_KEY', scopes: ['admin'] });

    const second = await follow(made.body.url);
    expect(second).toMatchObject({ status: 303, location: '/?signin=expired', session: undefined });
  });

  it('gives exactly one session when the same link is followed twice at once', async () => {
    const made = await h.call({ method: 'POST', url: '/v1/session/links', key: h.keys.admin });
    const both = await Promise.all([follow(made.body.url), follow(made.body.url)]);
    expect(both.map((b) => b.location).sort()).toEqual(['/', '/?signin=expired']);
  });

  it('signs in as another live key when asked (keyId), with that key scopes', async () => {
    const keys = await h.call({ method: 'GET', url: '/v1/api-keys', key: h.keys.admin });
    const reader = keys.body.data.find((k: { name: string }) => k.name === 'read key');
    const made = await h.call({
      method: 'POST',
      url: '/v1/session/links',
      key: h.keys.admin,
      payload: { keyId: reader.id },
    });
    expect(made.status).toBe(201);
    const signedIn = await follow(made.body.url);
    expect(signedIn.session.key).toEqual({ id: reader.id, name: 'read key', scopes: ['read'] });
    const unknown = await h.call({
      method: 'POST',
      url: '/v1/session/links',
      key: h.keys.admin,
      payload: { keyId: 'key_nope' },
    });
    expect(unknown.status).toBe(404);
  });

  it('redirects to /?signin=expired for an expired link, a made-up token, no token, or a revoked key', async () => {
    const expired = await h.call({ method: 'POST', url: '/v1/session/links', key: h.keys.admin });
    await h.database.pool.query(`UPDATE sign_in_links SET expires_at = now() - interval '1 second'`);
    expect(await follow(expired.body.url)).toMatchObject({ location: '/?signin=expired', session: undefined });
    expect(await follow('/sign-in?token=not-a-real-token')).toMatchObject({ location: '/?signin=expired' });
    expect(await follow('/sign-in')).toMatchObject({ location: '/?signin=expired' });

    const rep = await h.call({
      method: 'POST',
      url: '/v1/api-keys',
      key: h.keys.admin,
      payload: { name: 'rep', scopes: ['read'] },
    });
    const link = await h.call({
      method: 'POST',
      url: '/v1/session/links',
      key: h.keys.admin,
      payload: { keyId: rep.body.id },
    });
    await h.call({ method: 'DELETE', url: `/v1/api-keys/${rep.body.id}`, key: h.keys.admin });
    expect(await follow(link.body.url)).toMatchObject({ location: '/?signin=expired', session: undefined });
  });

  it('is not spent by a HEAD request (link checkers)', async () => {
    const made = await h.call({ method: 'POST', url: '/v1/session/links', key: h.keys.admin });
    const head = await h.call({ method: 'HEAD', url: made.body.url, key: null });
    expect(head.status).toBe(404);
    expect((await follow(made.body.url)).location).toBe('/');
  });

  it('needs the admin scope to make one', async () => {
    const res = await h.call({ method: 'POST', url: '/v1/session/links', key: h.keys.write });
    expect(res.status).toBe(403);
  });

  it('adminSignInPath (what `pnpm start` prints) makes a working link for GOODCHATTER_ADMIN_KEY', async () => {
    const path = await adminSignInPath(h.database.db, ADMIN_KEY);
    expect(path).toMatch(/^\/sign-in\?token=[\w-]+$/);
    const signedIn = await follow(path);
    expect(signedIn.session.key.id).toBe('env-admin');
    // A link made for another admin key than the API's is refused.
    const other = await adminSignInPath(h.database.db, 'some-other-admin-key-0123456789');
    expect((await follow(other)).location).toBe('/?signin=expired');
  });
});
