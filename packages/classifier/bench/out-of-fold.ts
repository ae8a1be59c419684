/**
 * `pnpm bench out-of-fold`: the quick loop for trying a change to the rules, features or fit.
 * Trains 5 fold models over the training pool (seconds) and prints only out-of-fold figures:
 * the praise ranking on TweetEval, SXSW and the care corpus' training part, the operating
 * point the training rule would choose, and what that point calls praise by care-corpus kind.
 * It never reads a held-out or development set: a change chosen here can still be reported
 * honestly by `pnpm bench classifier`.
 */
import os from 'node:os';
import { analyse } from '../src/analyse.js';
import { isSarcastic } from '../src/decide.js';
import { softmax } from '../src/model.js';
import { loadCareCorpus } from '../src/training/care-corpus.js';
import { CARE_WEIGHT, outOfFold, type PoolItem } from '../src/training/cross-validate.js';
import { dataDir, loadDatasets } from '../src/training/datasets.js';
import { DEFAULT_FIT, fitTemperature, type TrainingRow } from '../src/training/fit.js';
import { binaryReport, type Scored } from '../src/training/metrics.js';
import { chooseThresholds } from '../src/training/operating-point.js';
import { trainingPool } from '../src/training/pool.js';

const FOLDS = 5;
if (process.argv.length > 2) {
  console.error(`bench out-of-fold takes no arguments (got ${process.argv.slice(2).join(' ')})`);
  process.exit(2);
}
const sets = loadDatasets(dataDir());
if (sets === undefined) {
  console.log(`bench out-of-fold: skipped — no labelled data at ${dataDir()} (set GOODCHATTER_DATA_DIR)`);
  process.exit(0);
}
const t0 = performance.now();
const pool: PoolItem[] = trainingPool(sets);
const kindOf = new Map(loadCareCorpus().train.map((e) => [e.text, e.kind]));
// One analysis per item gives both the features and the sarcasm veto the scorer applies.
const vetoed: boolean[] = [];
const rows: TrainingRow[] = pool.map((e) => {
  const a = analyse(e.text, e.brand === undefined ? {} : { brand: e.brand }, DEFAULT_FIT.dim);
  vetoed.push(isSarcastic(a));
  return { features: a.features, gold: e.gold, weight: e.weight ?? (e.source === 'care' ? CARE_WEIGHT : 1) };
});
const oof = outOfFold(pool, rows, FOLDS);
const temperature = fitTemperature(
  oof.logits,
  pool.map((e) => e.gold),
);
const { chosen, report } = chooseThresholds(pool, oof.logits, temperature);
const praiseRank = oof.logits.map((z, i) =>
  vetoed[i] ? 0 : (softmax(Float64Array.from(z), temperature)[2] as number),
);

const f = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));
const ranking = (inSet: (source: string) => boolean) => {
  const items: Scored[] = [];
  pool.forEach((e, i) => {
    if (!inSet(e.source)) return;
    const score = praiseRank[i] as number;
    items.push({ score, predicted: score >= chosen.praise, actual: e.gold === 'praise' });
  });
  return binaryReport(items);
};

console.log(`# out of fold (${FOLDS} folds over ${pool.length} training items; nothing held out read)`);
console.log(
  `  temperature ${temperature}, operating point P(praise) ≥ ${chosen.praise}, P(complaint) ≥ ${chosen.complaint}`,
);
console.log(`  operating-point rule: ${JSON.stringify(report)}\n`);
console.log('  praise                         P@op   R@op   P@R≥.5  P@R≥.7  R@P≥.95');
for (const [name, inSet] of [
  ['TweetEval', (s: string) => s.startsWith('TweetEval')],
  ['SXSW brand tweets', (s: string) => s.startsWith('SXSW')],
  ['care corpus, training part', (s: string) => s === 'care corpus'],
] as const) {
  const r = ranking(inSet);
  console.log(
    `  ${name.padEnd(29)}  ${f(r.precision)}  ${f(r.recall)}  ${f(r.precisionAtRecall50)}   ${f(r.precisionAtRecall70)}   ${f(r.recallAtPrecision95)}`,
  );
}

console.log('\n  care corpus, training part: called praise at the operating point, by kind');
const byKind = new Map<string, { praise: number; all: number }>();
pool.forEach((e, i) => {
  const kind = e.source === 'care corpus' ? kindOf.get(e.text) : undefined;
  if (kind === undefined) return;
  const k = byKind.get(kind) ?? { praise: 0, all: 0 };
  k.all++;
  if ((praiseRank[i] as number) >= chosen.praise) k.praise++;
  byKind.set(kind, k);
});
for (const [kind, k] of [...byKind].sort((a, b) => b[1].all - a[1].all)) {
  console.log(
    `   ${kind.padEnd(30)} ${String(k.praise).padStart(5)}/${k.all} (${((100 * k.praise) / k.all).toFixed(1)}%)`,
  );
}
console.log(
  `\n  ${Math.round((performance.now() - t0) / 1000)} s, load average ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} cores`,
);
