import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/api-harness.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-3f9a.js"></script></head><body></body></html>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let webRoot: string;
let h: Harness;
let bare: Harness;
beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'gc-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), INDEX);
  await writeFile(join(webRoot, 'assets', 'app-3f9a.js'), 'console.log("app")');
  await writeFile(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(webRoot, '.env'), 'SECRET=1');
  [h, bare] = await Promise.all([startHarness({ webRoot }), startHarness()]);
});
afterAll(async () => {
  await Promise.all([h?.close(), bare?.close()]);
  await rm(webRoot, { recursive: true, force: true });
});

const get = (on: Harness, url: string, headers: Record<string, string> = {}) =>
  on.call({ method: 'GET', url, key: null, headers });

describe('the care app from webRoot', () => {
  it('serves index.html at / without a key, never cached, with the app CSP', async () => {
    const res = await get(h, '/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves hashed assets for a year, immutable', async () => {
    const res = await get(h, '/assets/app-3f9a.js');
    expect(res.status).toBe(200);
    expect(res.text).toBe('console.log("app")');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(h, '/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it("answers the app's own paths from a browser with index.html (SPA fallback)", async () => {
    for (const path of ['/kudos', '/wall/abc123', '/setup/keys?x=1']) {
      const res = await get(h, path, HTML);
      expect(res.status, path).toBe(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers['content-security-policy'])).toContain("connect-src 'self'");
    }
  });

  it('keeps JSON 404s for API paths, missing assets, non-browser requests and other methods', async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ['/v1/nope', HTML],
      ['/v1/nope', {}],
      ['/admin/nope', HTML],
      ['/docs/nope', HTML],
      ['/assets/gone-1234.js', HTML],
      ['/kudos', { accept: 'application/json' }],
      ['/.env', {}],
    ];
    for (const [path, headers] of cases) {
      const res = await get(h, path, headers);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('not_found');
    }
    const post = await h.call({ method: 'POST', url: '/kudos', key: null, headers: HTML });
    expect(post.status).toBe(404);
    // API routes are untouched: still a key, still the docs.
    expect((await get(h, '/v1/feed', HTML)).status).toBe(401);
    expect((await get(h, '/docs/json')).status).toBe(200);
  });
});

describe('without a built app', () => {
  it('answers / with a page saying the app is not built and how to build it', async () => {
    const res = await get(bare, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('not built');
    expect(res.text).toContain('pnpm build');
    expect((await get(bare, '/kudos', HTML)).text).toContain('pnpm build');
    expect((await get(bare, '/v1/nope', HTML)).status).toBe(404);
  });

  it('says the same when webRoot has no index.html yet', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'gc-web-empty-'));
    const app = await startHarness({ webRoot: empty });
    try {
      const res = await get(app, '/');
      expect(res.status).toBe(200);
      expect(res.text).toContain('pnpm build');
      // A build made while the API runs is served at once.
      await writeFile(join(empty, 'index.html'), INDEX);
      expect((await get(app, '/')).text).toBe(INDEX);
    } finally {
      await app.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
