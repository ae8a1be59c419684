import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `pnpm test:faults`: the fault-injection suite (services as separate processes, faults
// one at a time); slower than the unit and integration tests, so it runs on its own.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['infra/stack/src/faults/**/*.fault.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
