/**
 * Trains the classifier's weights: `pnpm train:classifier`.
 * 1. load the labelled sets (never Sentiment140 test) and the hand-written care examples;
 * 2. 5-fold out-of-fold logits → softmax temperature (calibration) and operating points;
 * 3. fit on everything, write weights/model.json with a content-derived version.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeWeights } from '../src/model.js';
import { featurise, outOfFold, type PoolItem } from '../src/training/cross-validate.js';
import { dataDir, loadCareExamples, loadDatasets } from '../src/training/datasets.js';
import { DEFAULT_FIT, fit, fitTemperature } from '../src/training/fit.js';
import { chooseThresholds } from '../src/training/operating-point.js';
import { RULES_VERSION } from '../src/version.js';

const FOLDS = 5;
const dir = dataDir();
const sets = loadDatasets(dir);
if (sets === undefined) {
  console.error(`train: no data at ${dir} (set GOODCHATTER_DATA_DIR)`);
  process.exit(1);
}
const care = loadCareExamples();
const pool: PoolItem[] = [
  ...sets.filter((s) => s.trainable).flatMap((s) => s.examples.map((e) => ({ ...e, source: s.name }))),
  ...care.map((e) => ({ ...e, source: 'care' })),
];
const t0 = performance.now();
const rows = featurise(pool, DEFAULT_FIT.dim);
console.log(
  `train: ${pool.length} examples (${care.length} care), featurised in ${Math.round(performance.now() - t0)} ms`,
);

const oof = outOfFold(pool, rows, FOLDS, DEFAULT_FIT, (f) => console.log(`train: fold ${f + 1}/${FOLDS}`));
const golds = pool.map((e) => e.gold);
const temperature = fitTemperature(oof.logits, golds);
const thresholds = chooseThresholds(pool, oof.logits, temperature);
console.log(`train: temperature ${temperature}, thresholds`, thresholds);

const model = fit(rows, DEFAULT_FIT);
model.temperature = temperature;
model.thresholds = thresholds.chosen;
const provisional = encodeWeights(model, { trainedAt: '', training: {} });
// Everything that changes predictions goes into the digest, so the version changes with it.
const digest = createHash('sha256')
  .update(provisional.weights)
  .update(JSON.stringify([provisional.bias, provisional.scale, temperature, thresholds.chosen]))
  .digest('hex');
model.version = `${RULES_VERSION}+w.${digest.slice(0, 10)}`;

const file = encodeWeights(model, {
  trainedAt: new Date().toISOString(),
  training: {
    sets: Object.fromEntries(
      [...new Set(pool.map((e) => e.source))].map((s) => [s, pool.filter((e) => e.source === s).length]),
    ),
    folds: FOLDS,
    fit: DEFAULT_FIT,
    outOfFold: thresholds.report,
  },
});
const out = fileURLToPath(new URL('../model/weights.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(`train: wrote ${out} (${model.version})`);
