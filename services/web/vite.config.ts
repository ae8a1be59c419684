import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The care app's build. `pnpm build` writes services/web/dist; the one-process stack and
 * the browser tests call Vite's `build()` with this file and their own `outDir`.
 * JSX goes through Vite's own transform (oxc) with Preact's automatic runtime, so no Babel
 * preset is needed. `pnpm --filter @goodchatter/web dev` serves it with live reload and
 * forwards the API's paths to a running `pnpm start` (API_URL, default localhost:3000).
 */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  base: '/',
  // @goodchatter/core/enums is bundled from its TypeScript source (no build of core needed).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    // One small app: a single chunk per entry loads fastest from a local API.
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: Object.fromEntries(['/v1', '/sign-in', '/admin'].map((path) => [path, { target: api }])),
  },
});
