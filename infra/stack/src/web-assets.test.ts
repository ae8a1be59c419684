import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWebAssets } from './web-assets.js';

let dir: string;
const lines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line).msg) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-assets-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the care app for `pnpm start`', () => {
  it('builds it once into the cache, saying so, when there is no pnpm build output; then reuses it', async () => {
    const opts = { distDir: join(dir, 'no-dist'), cacheDir: join(dir, 'cache-a') };
    lines.length = 0;
    // Two stacks starting at once build the same sources: both end up with one good copy.
    const [a, b] = await Promise.all([prepareWebAssets(logger, opts), prepareWebAssets(logger, opts)]);
    expect(a).toBe(b);
    expect(a.startsWith(opts.cacheDir)).toBe(true);
    expect(lines.filter((l) => l.startsWith('care app: building it with Vite'))).toHaveLength(2);

    lines.length = 0;
    expect(await prepareWebAssets(logger, opts)).toBe(a);
    expect(lines).toEqual([]);
  });

  it("uses pnpm build's output while no source changed since it was built", async () => {
    const dist = join(dir, 'dist');
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html>');
    lines.length = 0;
    expect(await prepareWebAssets(logger, { distDir: dist, cacheDir: join(dir, 'cache-b') })).toBe(dist);
    expect(lines).toEqual([]);

    // Older than the sources: rebuilt instead, never served stale.
    await utimes(join(dist, 'index.html'), new Date(0), new Date(0));
    const built = await prepareWebAssets(logger, { distDir: dist, cacheDir: join(dir, 'cache-b') });
    expect(built.startsWith(join(dir, 'cache-b'))).toBe(true);
  });
});
