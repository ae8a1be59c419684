import { benchApi } from './api.js';
import { benchIngest } from './ingest.js';
import { benchPipeline } from './pipeline.js';
import { benchWebhooks } from './webhooks.js';

// `pnpm bench <name> [args]`: each benchmark prints its own figures.
const BENCHES: Record<string, (args: string[]) => Promise<void>> = {
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
