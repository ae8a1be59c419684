import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CLASSIFIER_VERSION } from '@goodchatter/classifier';
import { redactUrl } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { loadScorerEnv } from './env.js';
import { createQueryContexts } from './query-context.js';
import { rescore } from './rescore.js';

const HELP = `Usage: pnpm rescore [--yes]

After a classifier upgrade, re-labels the stored mentions whose classifier version is not
the running one, in batches of 1,000; an interrupted run picks up where it stopped.
Running classifier: ${CLASSIFIER_VERSION}

What it changes, in the mentions table of DATABASE_URL: label, score, confidence, reasons,
staff names, language and classifier version. What stays: label overrides made by staff,
workflow status and notes. It sends no alerts: mentions it turns into praise are marked
as alerted, not announced.

Options:
  --yes       go ahead without asking (needed when not at a terminal)
  -h, --help  this text

Settings: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/goodchatter),
PRAISE_THRESHOLD (the scorer's operating point).
`;

const { values } = parseArgs({
  options: { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean', short: 'h' } },
  strict: false,
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// `pnpm rescore`: say what it will touch, ask (or take --yes), then re-label in batches.
const env = loadScorerEnv();
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { max: 2, applicationName: 'goodchatter-rescore' });
try {
  const { rows } = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM mentions WHERE classifier_version <> $1',
    [CLASSIFIER_VERSION],
  );
  const stale = rows[0]?.n ?? 0;
  const where = redactUrl(env.DATABASE_URL);
  if (stale === 0) {
    console.log(`Nothing to do: every mention in ${where} is on classifier ${CLASSIFIER_VERSION}.`);
    process.exit(0);
  }
  console.log(
    `This re-labels ${stale} mentions in ${where} with classifier ${CLASSIFIER_VERSION} (staff overrides and workflow status stay; no alerts are sent).`,
  );
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error('Not at a terminal: run it again with --yes to go ahead.');
      process.exit(2);
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question('Go ahead? [y/N] ');
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      console.log('Nothing changed.');
      process.exit(0);
    }
  }
  const contexts = createQueryContexts(database.db, { praiseThreshold: env.PRAISE_THRESHOLD });
  const started = Date.now();
  const result = await rescore(database, contexts, {
    onBatch: (r) => process.stderr.write(`\rre-scored ${r.scanned} mentions, ${r.relabelled} relabelled`),
  });
  process.stderr.write('\n');
  console.log(
    `classifier ${CLASSIFIER_VERSION}: re-scored ${result.scanned} mentions (${result.relabelled} relabelled) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await database.close();
}
