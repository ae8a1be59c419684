import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type Harness, mentionRow, startHarness } from '../../test/api-harness.js';
import { sessionToken, signIn } from '../../test/session-helpers.js';

let h: Harness;
let mentionId: string;
beforeAll(async () => {
  h = await startHarness();
  const [row] = await insertMentions(h.database.db, [mentionRow(1)]);
  mentionId = String(row?.id);
});
afterAll(async () => {
  await h?.close();
});

describe('POST /v1/session', () => {
  it('exchanges a key for an HttpOnly, SameSite=Strict session cookie and answers the session', async () => {
    const before = Date.now();
    const { res, cookie } = await signIn(h, h.keys.read);
    expect(res.body).toEqual({
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
      expiresAt: expect.any(String),
      key: { id: expect.stringMatching(/^key_/), name: 'read key', scopes: ['read'] },
    });
    const hours = (Date.parse(res.body.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(11.99);
    expect(hours).toBeLessThan(12.01);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/^gc_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    expect(set).not.toContain('Secure');
    expect(res.headers['cache-control']).toBe('no-store');
    // Only the token's hash is stored.
    const rows = await h.database.pool.query('SELECT id FROM sessions');
    expect(rows.rows.map((r) => r.id)).not.toContain(cookie.slice('gc_session='.length));
  });

  it('takes a form post too (the sign-in form works without JavaScript)', async () => {
    const res = await h.call({
      method: 'POST',
      url: '/v1/session',
      key: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `key=${encodeURIComponent(h.keys.write)}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.key.scopes).toEqual(['write']);
    expect(sessionToken(res.headers)).toBeDefined();
  });

  it('signs in with GOODCHATTER_ADMIN_KEY as the env admin', async () => {
    const { res } = await signIn(h, ADMIN_KEY);
    expect(res.body.key).toEqual({ id: 'env-admin', name: 'GOODCHATTER_ADMIN_KEY', scopes: ['admin'] });
  });

  it('answers 401 in the error shape for a wrong key, and 400 for no key', async () => {
    const bad = await h.call({ method: 'POST', url: '/v1/session', key: null, payload: { key: 'gc_wrong_key_000' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: 'unauthorized', message: 'unknown or revoked API key' });
    expect(bad.headers['set-cookie']).toBeUndefined();
    expect((await h.call({ method: 'POST', url: '/v1/session', key: null, payload: {} })).status).toBe(400);
  });

  it('refuses a sign-in another site submitted', async () => {
    const res = await h.call({
      method: 'POST',
      url: '/v1/session',
      key: null,
      payload: { key: h.keys.read },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
  });
});

describe('the session cookie', () => {
  it('authenticates reads with its key, and GET /v1/session answers the same session', async () => {
    const s = await signIn(h, h.keys.read);
    const feed = await h.call({ method: 'GET', url: '/v1/feed', key: null, headers: { cookie: s.cookie } });
    expect(feed.status).toBe(200);
    const again = await h.call({ method: 'GET', url: '/v1/session', key: null, headers: { cookie: s.cookie } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(s.res.body);
    // The key's scope still applies.
    const write = await h.call({
      method: 'PATCH',
      url: `/v1/mentions/${mentionId}`,
      key: null,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { status: 'thanked' },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('this API key lacks the write scope');
  });

  it('needs x-csrf-token on writes: 403 without or with a wrong one, 200 with it', async () => {
    const s = await signIn(h, h.keys.write);
    const patch = (headers: Record<string, string>) =>
      h.call({
        method: 'PATCH',
        url: `/v1/mentions/${mentionId}`,
        key: null,
        headers: { cookie: s.cookie, ...headers },
        payload: { status: 'thanked', note: 'by the app' },
      });
    const wrong: Record<string, string>[] = [
      {},
      { 'x-csrf-token': `${s.csrfToken.slice(1)}x` },
      { 'x-csrf-token': '' },
    ];
    for (const headers of wrong) {
      const refused = await patch(headers);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'forbidden', message: 'csrf token missing or wrong' });
    }
    const ok = await patch({ 'x-csrf-token': s.csrfToken });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'thanked', statusBy: s.res.body.key.id });
  });

  it('loses to a Bearer key: the header decides, and Bearer writes need no CSRF token', async () => {
    const s = await signIn(h, h.keys.write);
    const asRead = await h.call({
      method: 'PATCH',
      url: `/v1/mentions/${mentionId}`,
      key: h.keys.read,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { status: 'new' },
    });
    expect(asRead.status).toBe(403);
    const bearer = await h.call({
      method: 'PATCH',
      url: `/v1/mentions/${mentionId}`,
      key: h.keys.write,
      headers: { cookie: s.cookie },
      payload: { status: 'new' },
    });
    expect(bearer.status).toBe(200);
    const badBearer = await h.call({
      method: 'GET',
      url: '/v1/feed',
      key: 'gc_wrong_key_001',
      headers: { cookie: s.cookie },
    });
    expect(badBearer.status).toBe(401);
  });

  it("dies with its key: a revoked key's session answers 401 at once", async () => {
    const made = await h.call({
      method: 'POST',
      url: '/v1/api-keys',
      key: h.keys.admin,
      payload: { name: 'rep', scopes: ['read'] },
    });
    const s = await signIn(h, made.body.key);
    const get = (url: string) => h.call({ method: 'GET', url, key: null, headers: { cookie: s.cookie } });
    expect((await get('/v1/feed')).status).toBe(200);
    expect((await h.call({ method: 'DELETE', url: `/v1/api-keys/${made.body.id}`, key: h.keys.admin })).status).toBe(
      204,
    );
    const after = await get('/v1/feed');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    expect((await get('/v1/session')).status).toBe(401);
  });

  it('expires: an expired session answers 401', async () => {
    const s = await signIn(h, h.keys.read);
    await h.database.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE csrf_token = $1`, [
      s.csrfToken,
    ]);
    const get = (url: string) => h.call({ method: 'GET', url, key: null, headers: { cookie: s.cookie } });
    expect((await get('/v1/feed')).status).toBe(401);
    expect((await get('/v1/session')).status).toBe(401);
  });

  it('records when it was last used, at most once a minute', async () => {
    const s = await signIn(h, h.keys.read);
    const seen = async () =>
      (await h.database.pool.query('SELECT last_seen_at FROM sessions WHERE csrf_token = $1', [s.csrfToken])).rows[0]
        .last_seen_at as Date;
    await h.database.pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE csrf_token = $1`,
      [s.csrfToken],
    );
    const stale = await seen();
    await h.call({ method: 'GET', url: '/v1/feed', key: null, headers: { cookie: s.cookie } });
    const fresh = await seen();
    expect(fresh.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
    await h.call({ method: 'GET', url: '/v1/feed', key: null, headers: { cookie: s.cookie } });
    expect((await seen()).getTime()).toBe(fresh.getTime());
  });
});

describe('DELETE /v1/session', () => {
  it('signs out: needs the CSRF token, deletes the session and clears the cookie', async () => {
    const s = await signIn(h, h.keys.read);
    const del = (headers: Record<string, string>) =>
      h.call({ method: 'DELETE', url: '/v1/session', key: null, headers: { cookie: s.cookie, ...headers } });
    expect((await del({})).status).toBe(403);
    const res = await del({ 'x-csrf-token': s.csrfToken });
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^gc_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0$/);
    const rows = await h.database.pool.query('SELECT 1 FROM sessions WHERE csrf_token = $1', [s.csrfToken]);
    expect(rows.rowCount).toBe(0);
    expect((await h.call({ method: 'GET', url: '/v1/session', key: null, headers: { cookie: s.cookie } })).status).toBe(
      401,
    );
    // Signing out again (a dead session) just clears the cookie.
    expect((await del({})).status).toBe(204);
  });
});
