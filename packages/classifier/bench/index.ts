/**
 * `pnpm bench classifier`: for every labelled set, praise and complaint figures of the
 * classifier next to plain wink-sentiment, then single-thread throughput of both.
 * Sets the model trains on are reported out of fold only (5-fold, per-fold models);
 * Sentiment140 test is never trained on and is scored by the shipped weights.
 */

import os from 'node:os';
import sentiment from 'wink-sentiment';
import { createScorer, type Scoring } from '../src/classify.js';
import { classify } from '../src/index.js';
import { lexicon } from '../src/lexicon-score.js';
import { loadModel } from '../src/model.js';
import { featurise, outOfFold, type PoolItem } from '../src/training/cross-validate.js';
import { dataDir, type Example, loadCareExamples, loadDatasets } from '../src/training/datasets.js';
import { DEFAULT_FIT } from '../src/training/fit.js';
import { binaryReport, calibrationError, type Scored } from '../src/training/metrics.js';
import { formatSet, type SetReport } from './report.js';
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
const pool: PoolItem[] = [
  ...sets.filter((s) => s.trainable).flatMap((s) => s.examples.map((e) => ({ ...e, source: s.name }))),
  ...loadCareExamples().map((e) => ({ ...e, source: 'care' })),
];
const oof = outOfFold(pool, featurise(pool, DEFAULT_FIT.dim), FOLDS);
// Fold models get the shipped calibration and operating point (3 numbers fitted out of fold).
const foldScorers = oof.models.map((m) =>
  createScorer({ ...m, temperature: shipped.temperature, thresholds: shipped.thresholds }),
);
const foldOfText = new Map(pool.map((e, i) => [e.text, oof.folds[i] as number]));
const shippedScorer = createScorer(shipped);

function report(name: string, how: string, examples: readonly Example[], score: (text: string) => Scoring): SetReport {
  const hasComplaint = examples.some((e) => e.gold === 'complaint');
  const labels: Record<string, number> = {};
  const praise = { wink: [] as Scored[], ours: [] as Scored[] };
  const complaint = { wink: [] as Scored[], ours: [] as Scored[] };
  const calibration: { p: number; actual: boolean }[] = [];
  for (const e of examples) {
    const w = lexicon(e.text).normalized;
    const s = score(e.text);
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

for (const set of sets) {
  const r = set.trainable
    ? report(set.name, `${FOLDS}-fold cross-validated`, set.examples, (text) => {
        const scorer = foldScorers[foldOfText.get(text) ?? 0] as (typeof foldScorers)[number];
        return scorer(text);
      })
    : report(set.name, 'held out (never trained on), shipped weights', set.examples, (text) => shippedScorer(text));
  console.log(formatSet(r));
  console.log();
}

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
