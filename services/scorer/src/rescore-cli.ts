import { CLASSIFIER_VERSION } from '@goodchatter/classifier';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { loadScorerEnv } from './env.js';
import { createQueryContexts } from './query-context.js';
import { rescore } from './rescore.js';

// `pnpm rescore`: after a classifier upgrade, re-label stored mentions in batches.
const env = loadScorerEnv();
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { max: 2, applicationName: 'goodchatter-rescore' });
try {
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
