/**
 * `pnpm bench classifier`: for every labelled set, praise and complaint figures of the
 * classifier next to plain wink-sentiment, then single-thread throughput of both. Every
 * figure says how it was obtained:
 * - cross-validated: sets the model trains on, 5 folds by near-duplicate group; each fold is
 *   scored by a model trained without it, at temperature and thresholds chosen on the other
 *   folds' out-of-fold predictions (never on the fold reported);
 * - development: Sentiment140 test, never trained on but looked at while building;
 * - held out: the care corpus' never-trained fifth and the Apple brand tweets, scored by the
 *   shipped weights; nothing was trained or tuned on them.
 */

import os from 'node:os';
import sentiment from 'wink-sentiment';
import { createScorer, type Scoring } from '../src/classify.js';
import { classify } from '../src/index.js';
import { lexicon } from '../src/lexicon-score.js';
import { loadModel } from '../src/model.js';
import { loadCareCorpus } from '../src/training/care-corpus.js';
import { featurise, outOfFold, type PoolItem } from '../src/training/cross-validate.js';
import { dataDir, type Example, loadDatasets } from '../src/training/datasets.js';
import { DEFAULT_FIT, fitTemperature } from '../src/training/fit.js';
import { binaryReport, calibrationError, type Scored } from '../src/training/metrics.js';
import { chooseThresholds } from '../src/training/operating-point.js';
import { trainingPool } from '../src/training/pool.js';
import { CARE_ROWS, formatSet, type SetReport } from './report.js';
import { throughput } from './throughput.js';

const FOLDS = 5;
const dir = dataDir();
const sets = loadDatasets(dir);
if (sets === undefined) {
  console.log(`bench classifier: skipped — no labelled data at ${dir} (set GOODCHATTER_DATA_DIR)`);
  process.exit(0);
}
const shipped = loadModel(new URL('../model/weights.json', import.meta.url));
console.log(`# classifier ${shipped.version} vs wink-sentiment 5.0.2`);
console.log(
  `  operating point: P(praise) ≥ ${shipped.thresholds.praise}, P(complaint) ≥ ${shipped.thresholds.complaint}`,
);
console.log('  wink: praise = score > 0, complaint = score < 0, ranked by its normalised score\n');

// Same pool as scripts/train.ts, so each fold model is what training would produce without that fold.
const pool: PoolItem[] = trainingPool(sets);
const oof = outOfFold(pool, featurise(pool, DEFAULT_FIT.dim), FOLDS);
// Each fold's calibration and operating point come from the other folds' out-of-fold logits.
const foldScorers = oof.models.map((m, f) => {
  const others = pool.map((_, i) => oof.folds[i] !== f);
  const otherPool = pool.filter((_, i) => others[i]);
  const otherLogits = oof.logits.filter((_, i) => others[i]);
  const temperature = fitTemperature(
    otherLogits,
    otherPool.map((e) => e.gold),
  );
  const { chosen } = chooseThresholds(otherPool, otherLogits, temperature);
  return createScorer({ ...m, temperature, thresholds: chosen });
});
const foldOfText = new Map(pool.map((e, i) => [e.text, oof.folds[i] as number]));
const shippedScorer = createScorer(shipped);

function report(
  name: string,
  how: string,
  examples: readonly (Example & { brand?: string })[],
  score: (text: string, brand?: string) => Scoring,
): SetReport {
  const hasComplaint = examples.some((e) => e.gold === 'complaint');
  const labels: Record<string, number> = {};
  const praise = { wink: [] as Scored[], ours: [] as Scored[] };
  const complaint = { wink: [] as Scored[], ours: [] as Scored[] };
  const calibration: { p: number; actual: boolean }[] = [];
  for (const e of examples) {
    const w = lexicon(e.text).normalized;
    const s = score(e.text, e.brand);
    // Calibration of the confidence attached to the label given (is that label right?).
    if (s.result.label === 'praise' || s.result.label === 'complaint') {
      calibration.push({ p: s.result.confidence, actual: s.result.label === e.gold });
    }
    labels[s.result.label] = (labels[s.result.label] ?? 0) + 1;
    praise.wink.push({ score: w, predicted: w > 0, actual: e.gold === 'praise' });
    praise.ours.push({ score: s.praiseRank, predicted: s.result.label === 'praise', actual: e.gold === 'praise' });
    complaint.wink.push({ score: -w, predicted: w < 0, actual: e.gold === 'complaint' });
    complaint.ours.push({
      score: s.complaintRank,
      predicted: s.result.label === 'complaint',
      actual: e.gold === 'complaint',
    });
  }
  return {
    name,
    how,
    count: examples.length,
    labels,
    calibrationError: calibrationError(calibration),
    praise: { wink: binaryReport(praise.wink), ours: binaryReport(praise.ours) },
    complaint: hasComplaint ? { wink: binaryReport(complaint.wink), ours: binaryReport(complaint.ours) } : undefined,
  };
}

const HOW = {
  dev: 'development set (never trained on, but looked at while building), shipped weights',
  heldout: 'held out (never trained or tuned on), shipped weights',
} as const;
for (const set of sets) {
  const r =
    set.role === 'train'
      ? report(set.name, `${FOLDS}-fold cross-validated`, set.examples, (text) => {
          const scorer = foldScorers[foldOfText.get(text) ?? 0] as (typeof foldScorers)[number];
          return scorer(text);
        })
      : report(set.name, HOW[set.role], set.examples, (text) => shippedScorer(text));
  console.log(formatSet(r));
  console.log();
}

// The care corpus: its training part out of fold, its never-trained fifth by the shipped weights.
const care = loadCareCorpus();
const careTrain = care.train.map((e) => ({ ...e }));
console.log(
  formatSet(
    report('Care corpus, training part', `${FOLDS}-fold cross-validated`, careTrain, (text, brand) => {
      const scorer = foldScorers[foldOfText.get(text) ?? 0] as (typeof foldScorers)[number];
      return scorer(text, { brand });
    }),
    CARE_ROWS,
  ),
);
console.log();
console.log(
  formatSet(
    report('Care corpus, held-out fifth', HOW.heldout, care.heldOut, (text, brand) => shippedScorer(text, { brand })),
    CARE_ROWS,
  ),
);
const heldOutLabels = care.heldOut.map((e) => ({ e, label: shippedScorer(e.text, { brand: e.brand }).result.label }));
const share = (kinds: string[], ok: (label: string) => boolean) => {
  const xs = heldOutLabels.filter((x) => kinds.includes(x.e.kind));
  return `${xs.filter((x) => ok(x.label)).length}/${xs.length} (${((100 * xs.filter((x) => ok(x.label)).length) / Math.max(1, xs.length)).toFixed(1)}%)`;
};
console.log(`   sarcasm carrying praise words, not praise: ${share(['sarcasm'], (l) => l !== 'praise')}`);
console.log(`   thanks for a failure, not praise:          ${share(['thanks-for-failure'], (l) => l !== 'praise')}`);
console.log(
  `   polite complaints and requests, not praise: ${share(['polite-complaint', 'request-with-thanks'], (l) => l !== 'praise')}`,
);
console.log(`   recovery praise, praise:                    ${share(['recovery-praise'], (l) => l === 'praise')}`);
console.log();

const texts = sets.flatMap((s) => s.examples.map((e) => e.text)).slice(0, 20_000);
const winkRate = throughput(texts, (t) => sentiment(t));
const oursRate = throughput(texts, (t) => classify(t));
const fmt = (x: number) => Math.round(x).toLocaleString('en');
console.log(`## throughput (one thread, warmed up, ${texts.length} texts per pass)`);
console.log('                   per wall-clock s   per CPU s');
console.log(`   wink-sentiment: ${fmt(winkRate.wall).padStart(16)}   ${fmt(winkRate.cpu).padStart(9)}`);
console.log(`   classifier:     ${fmt(oursRate.wall).padStart(16)}   ${fmt(oursRate.cpu).padStart(9)}`);
console.log(
  `   load average ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} cores: others' work slows the wall-clock rate`,
);
