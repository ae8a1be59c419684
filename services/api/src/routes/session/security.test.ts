import { describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';
import { signIn } from '../../test/session-helpers.js';

const sec = useSecurityHarness();
const links: Endpoint = { method: 'POST', url: '/v1/session/links', scope: 'admin' };
const signInWith = (payload: object) => sec.h.call({ method: 'POST', url: '/v1/session', key: null, payload });

/** No session and no sign-in link was made. */
async function expectNothingWritten() {
  expect(await sec.countRows('sessions')).toBe(0);
  expect(await sec.countRows('sign_in_links')).toBe(0);
}

describe('session: auth', () => {
  it('answers 401 for no cookie and for a cookie that is not a session', async () => {
    expect((await sec.h.call({ method: 'GET', url: '/v1/session', key: null })).status).toBe(401);
    const forged = { cookie: `gc_session=${'A'.repeat(43)}` };
    expect((await sec.h.call({ method: 'GET', url: '/v1/session', key: null, headers: forged })).status).toBe(401);
    expect((await sec.h.call({ method: 'GET', url: '/v1/feed', key: null, headers: forged })).status).toBe(401);
  });

  it('signs nobody in with an unknown or a revoked key: 401, no cookie, no session', async () => {
    for (const key of ['gc_unknown-key-0123456789abcdef', sec.keys.revoked]) {
      const res = await signInWith({ key });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthorized', message: 'unknown or revoked API key' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    await expectNothingWritten();
  });

  it('refuses no key, a malformed header, an unknown key and a revoked key for sign-in links', async () => {
    await sec.expectAuthRequired(links);
    await expectNothingWritten();
  });
});

describe('session: scopes', () => {
  it('makes sign-in links for admins only, and a refused request writes nothing', async () => {
    await sec.expectScopeEnforced(links);
    await expectNothingWritten();
  });

  it('gives a session no more than its key: a read key signed in may not write', async () => {
    const s = await signIn(sec.h, sec.h.keys.read);
    const res = await sec.h.call({
      method: 'POST',
      url: '/v1/staff-aliases',
      key: null,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { brand: 'Acme', person: 'P', aliases: ['p'] },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('lacks the write scope');
    expect(await sec.countRows('staff_aliases')).toBe(0);
    await sec.h.call({
      method: 'DELETE',
      url: '/v1/session',
      key: null,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    await expectNothingWritten();
  });
});

describe('session: injection', () => {
  it.each(SQLISH)('takes %j as a key, a token or a key id, and signs nobody in', async (text) => {
    const res = await signInWith({ key: text });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    const link = await sec.h.call({ method: 'GET', url: `/sign-in?token=${encodeURIComponent(text)}`, key: null });
    expect(link.status).toBe(303);
    expect(link.headers.location).toBe('/?signin=expired');
    expect(link.headers['set-cookie']).toBeUndefined();
    const other = await sec.h.call({ ...links, key: sec.h.keys.admin, payload: { keyId: text } });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    await expectNothingWritten();
  });

  it('refuses oversized and malformed input with 400 naming the field, writing nothing', async () => {
    expectBadRequest(await signInWith({ key: 'k'.repeat(513) }), 'body.key');
    expectBadRequest(await signInWith({}), 'body.key');
    expectBadRequest(await signInWith({ key: ['gc_a', 'gc_b'] }), 'body.key');
    expectBadRequest(
      await sec.h.call({ ...links, key: sec.h.keys.admin, payload: { keyId: 'k'.repeat(65) } }),
      'body.keyId',
    );
    expectBadRequest(
      await sec.h.call({ ...links, key: sec.h.keys.admin, payload: { keyId: 'x', admin: true } }),
      /body/,
    );
    expectBadRequest(
      await sec.h.call({ method: 'GET', url: `/sign-in?token=${'t'.repeat(201)}`, key: null }),
      'querystring.token',
    );
    await expectNothingWritten();
  });
});
