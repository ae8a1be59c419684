import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the "source" export condition),
  // so `pnpm test` needs no build. Vite gives every environment its own conditions: `ssr`
  // runs the test files, `__vitest__` runs globalSetup (which imports @goodchatter/db).
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // globalSetup keeps Vite's server defaults after `source`.
  environments: {
    __vitest__: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'infra/*/src/**/*.test.ts',
      'infra/*.test.ts',
    ],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
