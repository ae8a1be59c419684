import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/train.ts', import.meta.url));

/** `pnpm train:classifier …` as the root script runs it; only paths that stop before training. */
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('pnpm train:classifier (CLI)', { timeout: 60_000 }, () => {
  it('--help documents feedback sources, the adoption gate and the exit codes', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/--feedback\[=SOURCE\]/);
    expect(r.out).toMatch(/2 kept the current weights/);
  });

  it('refuses unknown options', () => {
    const r = run(['--fedback']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/unknown option --fedback/);
  });

  it('names the bad line of a feedback file, and an unreachable feedback database, before training', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-feedback-'));
    const file = join(dir, 'feedback.jsonl');
    writeFileSync(
      file,
      '{"mentionId":1,"text":"x","predicted":"praise","corrected":"praise","at":"2026-01-01T00:00:00Z"}\nnope\n',
    );
    const bad = run([`--feedback=${file}`, '--dry-run']);
    rmSync(dir, { recursive: true, force: true });
    expect(bad.status).not.toBe(0);
    expect(bad.err).toMatch(/feedback line 2: not JSON/);
    const db = run(['--feedback', '--dry-run'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gc_no_such_database_for_feedback',
    });
    expect(db.status).toBe(1);
    expect(db.err).toMatch(/cannot read feedback from .*gc_no_such_database_for_feedback.*does not exist/);
  });
});
