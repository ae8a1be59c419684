import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.js';
import { HELP } from './help.js';
import { benchIngest } from './ingest.js';
import { benchMigration } from './migration.js';
import { benchPipeline } from './pipeline.js';
import { benchWebhooks } from './webhooks.js';

// `pnpm bench <name> [args]`: each benchmark prints its own figures.
/** The classifier's bench lives with its package (it needs the training code); run it as is. */
function classifierScript(file: string, args: string[]): void {
  const script = fileURLToPath(new URL(`../../../packages/classifier/bench/${file}`, import.meta.url));
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`classifier bench ${file} exited with ${run.status}`);
}
async function benchClassifier(args: string[]): Promise<void> {
  classifierScript('index.ts', args);
}
/** What K staff corrections buy, simulated on the SXSW brand set (packages/classifier/bench/feedback.ts). */
async function benchFeedback(args: string[]): Promise<void> {
  classifierScript('feedback.ts', args);
}

/** Out-of-fold figures only, for trying a classifier change (packages/classifier/bench/out-of-fold.ts). */
async function benchOutOfFold(args: string[]): Promise<void> {
  classifierScript('out-of-fold.ts', args);
}

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  classifier: benchClassifier,
  'out-of-fold': benchOutOfFold,
  feedback: benchFeedback,
  api: benchApi,
  ingest: benchIngest,
  migration: benchMigration,
  pipeline: benchPipeline,
  webhooks: benchWebhooks,
};

const [name, ...args] = process.argv.slice(2);
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`${name ? `no benchmark called "${name}"\n\n` : ''}${HELP}`);
  process.exit(2);
}
await bench(args);
process.exit(0);
