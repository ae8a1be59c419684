import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchApi } from './api.js';
import { benchIngest } from './ingest.js';
import { benchPipeline } from './pipeline.js';
import { benchWebhooks } from './webhooks.js';

// `pnpm bench <name> [args]`: each benchmark prints its own figures.
/** The classifier's bench lives with its package (it needs the training code); run it as is. */
async function benchClassifier(args: string[]): Promise<void> {
  const script = fileURLToPath(new URL('../../../packages/classifier/bench/index.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`classifier bench exited with ${run.status}`);
}

const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
  classifier: benchClassifier,
  api: benchApi,
  ingest: benchIngest,
  pipeline: benchPipeline,
  webhooks: benchWebhooks,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.error(`usage: pnpm bench <${Object.keys(BENCHES).join('|')}> [args]`);
  process.exit(2);
}
await bench(args);
process.exit(0);
