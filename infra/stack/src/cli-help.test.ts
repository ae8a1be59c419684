import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every command in the README answers --help with its usage, does nothing else, and exits 0.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRIES: Record<string, string> = {
  'pnpm start': 'infra/stack/src/index.ts',
  'pnpm classify': 'packages/classifier/src/cli.ts',
  'pnpm bench': 'infra/bench/src/index.ts',
  'pnpm rescore': 'services/scorer/src/rescore-cli.ts',
};

describe('--help', { timeout: 60_000 }, () => {
  it.each(Object.entries(ENTRIES))('%s --help', (command, entry) => {
    const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', entry, '--help'], {
      cwd: root,
      encoding: 'utf8',
      // Nothing may be reached: a --help that connected would hang on this or fail.
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', REDIS_URL: 'redis://127.0.0.1:1' },
      timeout: 45_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: ${command.replace(' ', ' (-s )?')}`));
  });

  it('pnpm bench with an unknown name says so and shows the usage, exit 2', () => {
    const run = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', ENTRIES['pnpm bench'] as string, 'nope'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 45_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^no benchmark called "nope"\n\nUsage: pnpm bench/);
  });
});
