import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `pnpm --filter <package> test`: the root config (source conditions, globalSetup, timeouts)
 * narrowed to the tests of the one package the script runs in (pnpm runs a package's
 * scripts in its own directory). Not a vitest.config.* file nor a project of the root
 * config, so `pnpm test` never picks it up: every test still runs exactly once there.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = relative(root, process.cwd()).split(sep).join('/');
const pkgSegments = pkg.split('/');

// The root patterns that reach this package, with their wildcard for the package's
// directory filled in (`packages/*/src/**/*.test.ts` → `packages/db/src/**/*.test.ts`).
const include = (base.test?.include ?? []).flatMap((pattern) => {
  const segments = pattern.split('/');
  const head = segments.slice(0, pkgSegments.length);
  const reaches = segments.length > pkgSegments.length && head.every((s, i) => s === '*' || s === pkgSegments[i]);
  return reaches ? [[...pkgSegments, ...segments.slice(pkgSegments.length)].join('/')] : [];
});
if (pkg === '' || pkg.startsWith('..') || include.length === 0) {
  throw new Error(`vitest.package.config.ts runs a package's tests from its directory; ${process.cwd()} is not one`);
}

export default defineConfig({
  ...base,
  root,
  test: { ...base.test, include },
});
