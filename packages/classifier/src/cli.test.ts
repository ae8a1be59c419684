import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs `pnpm classify` the way the root script does (tsx, source condition). */
function run(input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', cli], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, lines: r.stdout.split('\n').filter((l) => l !== '') };
}

// Each run starts Node, tsx and the weights (≈1 s; far more on a busy machine).
describe('pnpm classify', { timeout: 60_000 }, () => {
  it('writes exactly one line per input line, in order, and exits 0', () => {
    const { status, lines } = run(
      '{"text":"Huge thanks to Maria at @acme support, sorted my refund in 5 minutes. Absolute legend!"}\n{"text":"United lost my bag","brand":"United"}\n',
    );
    expect(status).toBe(0);
    expect(lines.map((l) => JSON.parse(l).label)).toEqual(['praise', 'complaint']);
  });

  it('answers a malformed line with an error line and a non-zero exit code', () => {
    const { status, lines } = run('{"text":"hello"}\nnot json\n{"text":"on hold for 45 mins"}\n');
    expect(status).toBe(1);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[1] as string).error).toMatch(/^line 2: invalid JSON/);
    expect(JSON.parse(lines[2] as string).label).toBe('complaint');
  });
});
