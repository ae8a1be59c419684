/**
 * The fake Mastodon's own wire behaviour, checked with plain fetch so a mistake in the fake
 * cannot hide behind the adapter under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeMastodon, mastodonIdAt, mastodonIdTime, startFakeMastodon } from './index.js';

let fm: FakeMastodon;
beforeEach(async () => {
  fm = await startFakeMastodon({ accessToken: 'tok', rateLimit: 3 });
});
afterEach(async () => {
  await fm.close();
});

async function get(path: string, params: Record<string, string | string[]> = {}, token: string | null = 'tok') {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) qs.append(k, one);
  const res = await fetch(`${fm.url}${path}?${qs}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  // biome-ignore lint/suspicious/noExplicitAny: a test reads the raw wire format
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

function seed(count: number, text = '#AcmeAir thanks') {
  const now = Date.now();
  return fm.addStatuses(
    Array.from({ length: count }, (_, i) => ({ text: `${text} ${i}`, createdAt: new Date(now - (count - i) * 1000) })),
  );
}
const ids = (body: { id: string }[]) => body.map((s) => s.id);

describe('fake Mastodon tag timeline', () => {
  it('pages newest first with max_id, and with min_id returns the page just above, newest first', async () => {
    const added = seed(25);
    const first = await get('/api/v1/timelines/tag/acmeair', { limit: '10' });
    expect(ids(first.body)).toEqual(ids(added.slice(15).reverse()));
    const forward = await get('/api/v1/timelines/tag/acmeair', { limit: '10', min_id: added[4]?.id ?? '' });
    expect(ids(forward.body)).toEqual(ids(added.slice(5, 15).reverse()));
    expect(forward.headers.get('link')).toContain(`min_id=${added[14]?.id}>; rel="prev"`);
    expect(forward.headers.get('link')).toContain(`max_id=${added[5]?.id}>; rel="next"`);
  });

  it('matches any[] tags, in any case, caps limit at 40, and drops any[] from the Link as Mastodon does', async () => {
    fm.addStatuses([{ text: '#Acme one' }, { text: '#other two' }, { text: '#AcmeAir three' }]);
    const res = await get('/api/v1/timelines/tag/ACMEAIR', { 'any[]': 'acme', limit: '100' });
    expect(res.body.map((s: { content: string }) => s.content.replace(/<[^>]+>/g, ''))).toEqual([
      '#AcmeAir three',
      '#Acme one',
    ]);
    expect(res.headers.get('link')).not.toContain('any');
    expect(res.headers.get('link')).toContain('limit=100');
  });

  it('renders statuses in the REST format, with accounts and tags', async () => {
    const [s] = fm.addStatuses([
      { text: '#AcmeAir lovely', account: { username: 'amy', domain: 'social.example', followers: 77 } },
    ]);
    const [status] = (await get('/api/v1/timelines/tag/acmeair')).body;
    expect(status).toMatchObject({
      id: s?.id,
      visibility: 'public',
      language: 'en',
      reblog: null,
      uri: `https://social.example/users/amy/statuses/${s?.id}`,
      account: { acct: 'amy@social.example', followers_count: 77 },
      tags: [{ name: 'acmeair' }],
    });
    expect(status.content).toContain('class="mention hashtag"');
    expect(mastodonIdTime(s?.id ?? '0')).toBe(Date.parse(s?.createdAt ?? ''));
    expect(BigInt(mastodonIdAt(Date.parse(s?.createdAt ?? '')))).toBeLessThanOrEqual(BigInt(s?.id ?? '0'));
  });
});

describe('fake Mastodon search', () => {
  it('needs a signed-in account, sorts newest first and pages by offset', async () => {
    seed(5, 'great crew at acme');
    expect((await get('/api/v2/search', { q: 'acme', type: 'statuses' }, null)).body.statuses).toEqual([]);
    expect((await get('/api/v2/search', { q: 'acme', offset: '2' }, null)).status).toBe(401);
    const page = await get('/api/v2/search', { q: 'great acme', type: 'statuses', limit: '2', offset: '2' });
    expect(page.body.statuses.map((s: { content: string }) => s.content)).toEqual([
      '<p>great crew at acme 2</p>',
      '<p>great crew at acme 1</p>',
    ]);
  });

  it('reads min_id and max_id as times cut to the second, as Mastodon does', async () => {
    const base = Math.floor(Date.now() / 1000) * 1000 - 10_000;
    const [a, b, c] = fm.addStatuses([
      { text: 'acme a', createdAt: new Date(base + 100) },
      { text: 'acme b', createdAt: new Date(base + 900) },
      { text: 'acme c', createdAt: new Date(base + 1500) },
    ]);
    // max_id = b: "before" the start of b's second, so a (same second, older) is skipped too.
    const before = await get('/api/v2/search', { q: 'acme', max_id: b?.id ?? '' });
    expect(before.body.statuses).toEqual([]);
    // min_id = a: "after" the start of a's second, so b and c, and a itself.
    const after = await get('/api/v2/search', { q: 'acme', min_id: a?.id ?? '' });
    expect(ids(after.body.statuses)).toEqual([c?.id, b?.id, a?.id]);
  });
});

describe('fake Mastodon errors and limits', () => {
  it('401s a wrong token with Mastodon’s message; anonymous timeline reads are allowed', async () => {
    expect(await get('/api/v1/timelines/tag/acmeair', {}, 'nope')).toMatchObject({
      status: 401,
      body: { error: 'The access token is invalid' },
    });
    expect((await get('/api/v1/timelines/tag/acmeair', {}, null)).status).toBe(200);
  });

  it('counts down X-RateLimit-Remaining, with an ISO reset, and 429s when the window is spent', async () => {
    const seen = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await get('/api/v1/timelines/tag/acmeair');
      seen.push([res.status, res.headers.get('x-ratelimit-remaining')]);
    }
    expect(seen).toEqual([
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
    expect(fm.requests.at(-1)?.status).toBe(429);
  });

  it('plays scripted faults in order: JSON 429 with reset, an nginx HTML 502', async () => {
    fm.failNext({ status: 429, resetInSeconds: 2 });
    fm.failNext({ status: 502, html: true });
    const limited = await get('/api/v1/timelines/tag/acmeair');
    expect(limited.body).toEqual({ error: 'Too many requests' });
    const reset = Date.parse(limited.headers.get('x-ratelimit-reset') ?? '');
    expect(reset - Date.now()).toBeGreaterThan(1000);
    const gateway = await fetch(`${fm.url}/api/v1/timelines/tag/acmeair`);
    expect([gateway.status, gateway.headers.get('content-type')]).toEqual([502, 'text/html']);
  });

  it('duplicateBoundaryOnce makes the next min_id page carry the status at min_id', async () => {
    const added = seed(3);
    fm.duplicateBoundaryOnce();
    const res = await get('/api/v1/timelines/tag/acmeair', { min_id: added[0]?.id ?? '' });
    expect(ids(res.body)).toEqual(ids([...added].reverse()));
  });
});
