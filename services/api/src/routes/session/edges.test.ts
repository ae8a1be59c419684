import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, type Harness, startHarness } from '../../test/api-harness.js';
import { signIn } from '../../test/session-helpers.js';

// The session cookie at the edges: the queue dashboard, https behind a proxy, guessing.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the queue dashboard', () => {
  it('opens with an admin session cookie, and its own writes prove same origin instead of a CSRF token', async () => {
    const admin = await signIn(h, ADMIN_KEY);
    const page = await h.call({ method: 'GET', url: '/admin/queues', key: null, headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const resume = (headers: Record<string, string>) =>
      h.call({
        method: 'PUT',
        url: '/admin/queues/api/queues/resume',
        key: null,
        headers: { cookie: admin.cookie, ...headers },
      });
    expect((await resume({})).status).toBe(403);
    expect((await resume({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await resume({ 'sec-fetch-site': 'same-origin' })).status).toBeLessThan(300);
    const reader = await signIn(h, h.keys.read);
    expect(
      (await h.call({ method: 'GET', url: '/admin/queues', key: null, headers: { cookie: reader.cookie } })).status,
    ).toBe(403);
  });
});

describe('the Secure flag', () => {
  it('is set when the request came over https through a trusted proxy, and only then', async () => {
    const proxied = await startHarness({ trustProxy: true });
    try {
      const https = await signIn(proxied, proxied.keys.read, { 'x-forwarded-proto': 'https' });
      expect(String(https.res.headers['set-cookie'])).toMatch(/; Secure$/);
      const http = await signIn(proxied, proxied.keys.read);
      expect(String(http.res.headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await proxied.close();
    }
    // Without trustProxy the header is anyone's to send: ignored.
    const untrusted = await signIn(h, h.keys.read, { 'x-forwarded-proto': 'https' });
    expect(String(untrusted.res.headers['set-cookie'])).not.toContain('Secure');
  });
});

describe('failed sign-ins', () => {
  it('count toward the per-address limit for requests without a valid key', async () => {
    const limited = await startHarness({ unauthenticatedRateLimit: 2 });
    try {
      const attempt = (key: string) =>
        limited.call({ method: 'POST', url: '/v1/session', key: null, payload: { key } });
      expect((await attempt('gc_wrong_key_100')).status).toBe(401);
      expect((await limited.call({ method: 'GET', url: '/v1/feed', key: 'gc_wrong_key_101' })).status).toBe(401);
      const refused = await attempt('gc_wrong_key_102');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
