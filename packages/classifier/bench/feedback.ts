/**
 * `pnpm bench feedback`: what K staff corrections buy, simulated on a public brand set.
 *
 * 1. SXSW brand tweets (Apple/Google products, crowd-labelled) split by text hash into a
 *    correction pool and an evaluation half; "I can't tell" dropped.
 * 2. The base model is trained without SXSW (the Apple brand set is never touched).
 * 3. Staff work what they see, in the feed's order (P(praise), highest first). Default
 *    `--strategy=feed-review`: each wrong label is corrected and each right praise confirmed
 *    (thanked/rewarded, which `--feedback=db` reads as confirmed praise), until K pieces of
 *    feedback; `top-wrong`: corrections only (the K highest-ranked wrong items, so mostly
 *    false praise); `random`: K random pool items, corrected or confirmed.
 * 4. Retrain with those K as feedback (same pipeline as `pnpm train:classifier --feedback`)
 *    and score the evaluation half: praise precision at the base model's recall, and
 *    praise/complaint precision and recall at each model's own operating point.
 *
 * Flags: --ks=50,200,1000  --strategy=top-wrong|feed-review|random  --crosses=off|on|both  --weight=N
 *        --refit (retrains re-fit calibration and thresholds out of fold; 5× slower)
 *        --base-cache=<file> (reuse the base model between runs)
 *        --brand-min=N (corrections a brand needs for brand-crossed features; default BRAND_CROSS_MIN)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { brandCrossAugment, brandCrossScorerHook } from '../src/brand-cross.js';
import { createScorer } from '../src/classify.js';
import { decodeWeights, type LinearModel, WeightsFile } from '../src/model.js';
import type { PoolItem } from '../src/training/cross-validate.js';
import { parseCsv } from '../src/training/csv.js';
import { dataDir, type Gold, loadDatasets } from '../src/training/datasets.js';
import { BRAND_CROSS_MIN, FEEDBACK_WEIGHT, type FeedbackLine, feedbackPool } from '../src/training/feedback.js';
import { binaryReport, curve, foldOf, type Scored } from '../src/training/metrics.js';
import { trainingPool } from '../src/training/pool.js';
import { type TrainOptions, trainModel } from '../src/training/train-model.js';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const KS = arg('ks', '50,200,1000').split(',').map(Number);
const STRATEGY = arg('strategy', 'feed-review');
const CROSSES = arg('crosses', 'both');
const WEIGHT = Number(arg('weight', String(FEEDBACK_WEIGHT)));
const REFIT = process.argv.includes('--refit');
const CACHE = arg('base-cache', '');
const BRAND_MIN = Number(arg('brand-min', String(BRAND_CROSS_MIN)));

const dir = dataDir();
const sets = loadDatasets(dir);
const SXSW_FILE = `${dir}/brand-tweets/judge-1377884607_tweet_product_company.csv`;
let csv: string;
try {
  csv = readFileSync(SXSW_FILE, 'latin1');
} catch {
  csv = '';
}
if (sets === undefined || csv === '') {
  console.log(`bench feedback: skipped — no SXSW brand set under ${dir} (set GOODCHATTER_DATA_DIR)`);
  process.exit(0);
}

interface Item {
  text: string;
  gold: Gold;
  brand?: string;
}
const GOLD: Record<string, Gold> = {
  'Positive emotion': 'praise',
  'Negative emotion': 'complaint',
  'No emotion toward brand or product': 'neutral',
};
/** The product column names the brand; when blank, the text does (neither or both: none). */
function brandOf(product: string, text: string): string | undefined {
  if (/ipad|iphone|apple/i.test(product)) return 'Apple';
  if (/google|android/i.test(product)) return 'Google';
  const apple = /\b(apple|ipad2?|iphone|itunes|mac)\b/i.test(text);
  const google = /\b(google|android|gmail)\b/i.test(text);
  return apple === google ? undefined : apple ? 'Apple' : 'Google';
}
const sxsw: Item[] = parseCsv(csv)
  .slice(1)
  .flatMap((f) => {
    const gold = GOLD[f[2] ?? ''];
    const text = f[0]?.trim();
    if (gold === undefined || !text) return [];
    const brand = brandOf(f[1] ?? '', text);
    return [{ text, gold, ...(brand ? { brand } : {}) }];
  });
const correctionPool = sxsw.filter((e) => foldOf(`feedback-sim:${e.text}`, 2) === 0);
const evaluation = sxsw.filter((e) => foldOf(`feedback-sim:${e.text}`, 2) === 1);

const basePool = trainingPool(sets, { exclude: ['SXSW brand tweets'] });
const started = performance.now();
console.log(`# feedback simulation — SXSW brand tweets, base model never trained on SXSW`);
console.log(
  `  SXSW: ${sxsw.length} labelled (I can't tell dropped): correction pool ${correctionPool.length}, evaluation half ${evaluation.length} (by text hash)`,
);
console.log(
  `  base pool: ${basePool.length} examples; corrections weigh ${WEIGHT}×; staff correct: ${
    STRATEGY === 'random'
      ? 'K random pool items (wrong ones corrected, right ones confirmed)'
      : STRATEGY === 'feed-review'
        ? 'down the feed, wrong labels corrected and right praise confirmed, K in all'
        : 'the K highest-ranked wrong pool items (corrections only)'
  }; retrains ${REFIT ? 're-fit' : 'keep the base'} calibration and thresholds`,
);

// The base model gets the full pipeline (5-fold calibration and operating points). Retrains
// reuse its temperature and thresholds unless --refit (5× slower): the figures then show what
// the corrections do to the model's probabilities at a fixed operating point.
const log = (l: string) => process.stderr.write(`${l}\n`);
let base: LinearModel;
if (CACHE && existsSync(CACHE)) {
  base = decodeWeights(WeightsFile.parse(JSON.parse(readFileSync(CACHE, 'utf8'))));
  log(`base model from ${CACHE}`);
} else {
  const trained = trainModel(basePool, { log });
  base = trained.model;
  if (CACHE) writeFileSync(CACHE, JSON.stringify(trained.file));
}
const retrain = (pool: PoolItem[], extra: TrainOptions) =>
  trainModel(pool, {
    ...extra,
    log,
    ...(REFIT ? {} : { folds: 0, calibration: { temperature: base.temperature, thresholds: base.thresholds } }),
  });

type Scorer = (text: string, brand?: string) => { label: string; praise: number; complaint: number };
function scorerOf(model: LinearModel, brands: readonly string[]): Scorer {
  const s = createScorer(model, brands.length > 0 ? brandCrossScorerHook(brands) : undefined);
  return (text, brand) => {
    const r = s(text, brand ? { brand } : {});
    return { label: r.result.label, praise: r.praiseRank, complaint: r.complaintRank };
  };
}

interface Figures {
  praise: ReturnType<typeof binaryReport>;
  complaint: ReturnType<typeof binaryReport>;
  praiseScored: Scored[];
}
function evaluate(score: Scorer): Figures {
  const praise: Scored[] = [];
  const complaint: Scored[] = [];
  for (const e of evaluation) {
    const s = score(e.text, e.brand);
    praise.push({ score: s.praise, predicted: s.label === 'praise', actual: e.gold === 'praise' });
    complaint.push({ score: s.complaint, predicted: s.label === 'complaint', actual: e.gold === 'complaint' });
  }
  return { praise: binaryReport(praise), complaint: binaryReport(complaint), praiseScored: praise };
}
/** Best precision at any threshold whose recall reaches `recall`. */
function precisionAtRecall(items: readonly Scored[], recall: number): number {
  let best = 0;
  for (const p of curve(items)) if (p.recall >= recall && p.precision > best) best = p.precision;
  return best;
}

// Staff see the base model's answers on the pool, in the feed's order.
const baseScore = scorerOf(base, []);
const seen = correctionPool.map((e) => ({ e, s: baseScore(e.text, e.brand) }));
let corrections: Item[];
if (STRATEGY === 'feed-review') {
  // Staff work the feed top-down: the wrong ones are corrected, the right praise confirmed
  // (thanked or rewarded: what `--feedback=db` reads); a right non-praise leaves no trace.
  corrections = seen
    .filter(({ e, s }) => s.label !== e.gold || e.gold === 'praise')
    .sort((a, b) => b.s.praise - a.s.praise)
    .map(({ e }) => e);
} else if (STRATEGY === 'top-wrong') {
  corrections = seen
    .filter(({ e, s }) => s.label !== e.gold)
    .sort((a, b) => b.s.praise - a.s.praise)
    .map(({ e }) => e);
} else if (STRATEGY === 'random') {
  corrections = [...correctionPool].sort((a, b) => foldOf(`pick:${a.text}`, 1e9) - foldOf(`pick:${b.text}`, 1e9));
} else {
  console.error(`bench feedback: unknown --strategy=${STRATEGY} (feed-review, top-wrong or random)`);
  process.exit(1);
}
const baseFig = evaluate(baseScore);
const baseRecall = baseFig.praise.recall;
const f3 = (x: number) => x.toFixed(3);
const rows: string[] = [];
const row = (k: number, crosses: string, fig: Figures, falsePraise: number, brands: string[]) =>
  rows.push(
    `  ${String(k).padStart(5)}  ${crosses.padEnd(8)} ${String(falsePraise).padStart(5)}   ${f3(precisionAtRecall(fig.praiseScored, baseRecall))}       ${f3(fig.praise.precision)} / ${f3(fig.praise.recall)}     ${f3(fig.complaint.precision)} / ${f3(fig.complaint.recall)}   ${brands.join(',') || '—'}`,
  );
row(0, '—', baseFig, 0, []);

for (const k of KS) {
  const picked = corrections.slice(0, k);
  const lines: FeedbackLine[] = picked.map((e, i) => ({
    mentionId: String(i),
    text: e.text,
    lang: 'en',
    brand: e.brand ?? null,
    predicted: seen.find((x) => x.e === e)?.s.label ?? 'neutral',
    corrected: e.gold,
    reason: null,
    at: new Date(0).toISOString(),
  }));
  const variants = CROSSES === 'both' ? ['off', 'on'] : [CROSSES];
  for (const v of variants) {
    const fb = feedbackPool(lines, { weight: WEIGHT, brandCrossMin: BRAND_MIN });
    const brands = v === 'on' ? fb.brands : [];
    const pool: PoolItem[] = [...basePool, ...fb.items];
    const trained = retrain(pool, brands.length > 0 ? { augment: brandCrossAugment(brands) } : {});
    const counted = brands.map((b) => `${b} ${fb.report.byBrand[b]}`);
    row(k, v, evaluate(scorerOf(trained.model, brands)), fb.report.fromPraise, counted);
    if (v === 'on' && brands.length === 0) break;
  }
}

console.log(
  `\n## evaluation half (${evaluation.length} texts, ${evaluation.filter((e) => e.gold === 'praise').length} praise, ${evaluation.filter((e) => e.gold === 'complaint').length} complaint) — never corrected, never trained on`,
);
console.log(`  base model's praise recall at its operating point: ${f3(baseRecall)}`);
console.log(
  '      K  crosses  from-praise  P@base-R   praise P / R     complaint P / R   crossed brands (feedback items)',
);
for (const r of rows) console.log(r);
console.log(
  `\n  ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
