import type { Harness } from './api-harness.js';

/** The gc_session token in a Set-Cookie header, or undefined. */
export function sessionToken(headers: Record<string, unknown>): string | undefined {
  const set = headers['set-cookie'];
  const cookies = Array.isArray(set) ? set : typeof set === 'string' ? [set] : [];
  for (const c of cookies) {
    const m = /^gc_session=([^;]*)/.exec(String(c));
    if (m) return m[1];
  }
  return undefined;
}

/** Signs in with `key` as a browser would (no Authorization header); the cookie and CSRF token. */
export async function signIn(h: Harness, key: string, headers: Record<string, string> = {}) {
  const res = await h.call({ method: 'POST', url: '/v1/session', key: null, payload: { key }, headers });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  const token = sessionToken(res.headers);
  if (!token) throw new Error('sign-in set no gc_session cookie');
  return { cookie: `gc_session=${token}`, token, csrfToken: res.body.csrfToken as string, res };
}
