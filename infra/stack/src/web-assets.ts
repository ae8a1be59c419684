import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const WEB = join(REPO, 'services/web');
/** What the care app's build reads: a change to any of these means a new build. */
const SOURCES = ['index.html', 'vite.config.ts', 'package.json', 'public', 'src/app'];
/**
 * Builds for `pnpm start` go here, never into services/web/dist: CI refuses to test a
 * fresh clone that has a dist/ folder, and `pnpm start` must work on one.
 */
const CACHE = join(REPO, 'node_modules/.cache/goodchatter-web');
/** Cached builds of older sources are removed once they are this old. */
const KEEP_OLD_BUILDS_MS = 24 * 3600_000;

export interface WebAssetsOptions {
  /** The care app's sources (default services/web). */
  webDir?: string;
  /** `pnpm build`'s output (default <webDir>/dist). */
  distDir?: string;
  /** Where builds for `pnpm start` go (default node_modules/.cache/goodchatter-web). */
  cacheDir?: string;
}

/**
 * The care app's built files for the API to serve, on any checkout, with no `pnpm build`
 * first: services/web/dist when `pnpm build` made it after the last change to the
 * sources; else a build of exactly these sources from the cache; else one made now with
 * Vite (about a second), saying so in one log line. Concurrent starts are safe: each
 * builds into a directory of its own and renames it into place.
 */
export async function prepareWebAssets(logger: Logger, opts: WebAssetsOptions = {}): Promise<string> {
  const web = opts.webDir ?? WEB;
  const cache = opts.cacheDir ?? CACHE;
  const files = (await Promise.all(SOURCES.map((s) => listFiles(join(web, s))))).flat().sort();

  // 1. `pnpm build`'s output, if no source changed since.
  const dist = opts.distDir ?? join(web, 'dist');
  const built = await mtimeOf(join(dist, 'index.html'));
  const newest = Math.max(...(await Promise.all(files.map(async (f) => (await mtimeOf(f)) ?? 0))));
  if (built !== undefined && built >= newest) return dist;

  // 2. A cached build of these exact sources (named by their hash).
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${relative(web, f)}\0`).update(await readFile(f));
  const out = join(cache, hash.digest('hex').slice(0, 16));
  if ((await mtimeOf(join(out, 'index.html'))) !== undefined) return out;

  // 3. Build now.
  logger.info(`care app: building it with Vite into ${relative(process.cwd(), out) || out}`);
  const tmp = `${out}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const { build } = await import('vite');
  try {
    await build({
      root: web,
      configFile: join(web, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    await rename(tmp, out).catch(async (err) => {
      // Another start built the same sources first: theirs is as good as ours.
      if ((await mtimeOf(join(out, 'index.html'))) === undefined) throw err;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  await removeOldBuilds(cache, out);
  return out;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => listFiles(join(path, e.name))));
  return nested.flat();
}

async function mtimeOf(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.mtimeMs;
}

async function removeOldBuilds(cache: string, keep: string): Promise<void> {
  const entries = await readdir(cache).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of entries) {
    const path = join(cache, name);
    if (path === keep) continue;
    const age = now - ((await mtimeOf(path)) ?? now);
    if (age > KEEP_OLD_BUILDS_MS) await rm(path, { recursive: true, force: true });
  }
}
