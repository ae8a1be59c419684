import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLASSIFIER_VERSION } from '@goodchatter/classifier';
import { createDatabase, type Database, insertMentions } from '@goodchatter/db';
import { createTestEnv, mentionRow, type TestEnv } from '@goodchatter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `pnpm rescore` as a person (or a script) runs it: stdin is not a terminal here.
const root = fileURLToPath(new URL('../../../', import.meta.url));
let env: TestEnv;
let database: Database;

// The CLI re-labels every old mention in its database, and one test re-labels for real:
// each test gets a database of its own with one old mention, so no test depends on order.
beforeEach(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl, { max: 2 });
  await insertMentions(database.db, [
    mentionRow({
      externalId: 'old-1',
      text: 'Maria at support was phenomenal, you rock! Thank you so much',
      classifierVersion: 'old-version',
      label: 'neutral',
      score: 0,
    }),
  ]);
});
afterEach(async () => {
  await database.close();
  await env.cleanup();
});

function rescoreCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'services/scorer/src/rescore-cli.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: env.databaseUrl },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  child.stdin.end();
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const versionOfOld = async () =>
  (await database.pool.query("SELECT classifier_version AS v FROM mentions WHERE external_id = 'old-1'")).rows[0]?.v;

describe('pnpm rescore', { timeout: 60_000 }, () => {
  it('--help says what it touches and changes nothing', async () => {
    const { code, out } = await rescoreCli(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: pnpm rescore \[--yes\]/);
    expect(out).toMatch(/What it changes/);
    expect(await versionOfOld()).toBe('old-version');
  });

  it('says what it would re-label, and without --yes off a terminal stops with exit 2', async () => {
    const { code, out } = await rescoreCli([]);
    expect(code).toBe(2);
    expect(out).toContain(`This re-labels 1 mentions in ${env.databaseUrl}`);
    expect(out).toContain('Not at a terminal: run it again with --yes');
    expect(await versionOfOld()).toBe('old-version');
  });

  it('with --yes re-labels', async () => {
    const { code, out } = await rescoreCli(['--yes']);
    expect(code).toBe(0);
    expect(out).toMatch(/re-scored 1 mentions/);
    expect(await versionOfOld()).toBe(CLASSIFIER_VERSION);
  });
});
