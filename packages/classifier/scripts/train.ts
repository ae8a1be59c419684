/**
 * `pnpm train:classifier [--feedback[=db|<file>|<url>]] [--dry-run] [--out=<file>] [--force]`
 * A thin CLI over trainModel (src/training/train-model.ts):
 * 1. the training pool (every `train` set, the care examples, the care corpus' training part)
 *    plus, with --feedback, the staff label overrides (src/training/feedback.ts);
 * 2. train (5-fold calibration and operating points, then the full fit);
 * 3. shadow comparison against the current weights on the care corpus' held-out split;
 * 4. adopt — write the weights with their new version — only when held-out praise precision
 *    is not worse; otherwise leave the shipped weights untouched and exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brandCrossAugment, brandCrossScorerHook, feedbackBrandsOf } from '../src/brand-cross.js';
import { decodeWeights, WeightsFile } from '../src/model.js';
import { loadCareCorpus } from '../src/training/care-corpus.js';
import type { PoolItem } from '../src/training/cross-validate.js';
import { dataDir, loadDatasets } from '../src/training/datasets.js';
import { FEEDBACK_WEIGHT, FeedbackLine, feedbackPool, readFeedbackSource } from '../src/training/feedback.js';
import { trainingPool } from '../src/training/pool.js';
import { formatShadow, type ShadowModel, shadowCompare } from '../src/training/shadow.js';
import { trainModel } from '../src/training/train-model.js';

const HELP = `pnpm train:classifier [options]

Retrains the classifier and adopts the new weights only when the care corpus' held-out
praise precision is not worse than the current weights' (shadow comparison printed).

  --feedback[=SOURCE]  fold in staff label overrides (PATCH /v1/mentions/:id with a label).
                       SOURCE: db (default; DATABASE_URL, default
                       postgres://postgres@127.0.0.1:5432/goodchatter), a file of
                       GET /v1/feedback JSON lines, or its http(s) URL (Bearer key from
                       GOODCHATTER_API_KEY; add ?confirmed=true). From the database, praise
                       staff thanked or rewarded counts as confirmed praise too. The
                       latest override per mention wins; each
                       counts ${FEEDBACK_WEIGHT}×; brands with enough corrections get their own word weights.
  --dry-run            train and compare; write nothing
  --out=FILE           write adopted weights to FILE instead of model/weights.json
                       (the comparison is still against FILE's current content, if any)
  --force              adopt even when held-out praise precision is worse (a deliberate
                       model change); says so
  --help               this text

Exit: 0 adopted (weights written, or would be with --dry-run); 2 kept the current weights
(candidate worse, or no held-out split to compare on; nothing written); 1 error.
Training data: GOODCHATTER_DATA_DIR (default <repo>/../shared/data).`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const known = /^--(feedback(=.+)?|dry-run|force|out=.+)$/;
const unknown = args.filter((a) => !known.test(a));
if (unknown.length > 0) {
  console.error(`train: unknown option ${unknown.join(' ')}\n\n${HELP}`);
  process.exit(1);
}
const flag = (name: string) => args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name: string) => {
  const f = flag(name);
  return f?.includes('=') ? f.slice(f.indexOf('=') + 1) : undefined;
};
const dryRun = flag('dry-run') !== undefined;
const force = flag('force') !== undefined;
const out = value('out') ?? fileURLToPath(new URL('../model/weights.json', import.meta.url));

async function readFeedback(source: string): Promise<FeedbackLine[]> {
  if (source !== 'db') return readFeedbackSource(source, process.env.GOODCHATTER_API_KEY);
  const { createDatabase, iterateConfirmedPraise, iterateFeedback } = await import('@goodchatter/db');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/goodchatter';
  const database = createDatabase(url, { max: 1, applicationName: 'goodchatter-train' });
  try {
    const lines: FeedbackLine[] = [];
    // Validated like an export line (ids become strings, dates ISO text).
    const add = (f: unknown) => lines.push(FeedbackLine.parse(f));
    for await (const f of iterateFeedback(database.db)) add(f);
    // Praise staff thanked or rewarded as it was: balances the corrections (see feedback.ts).
    for await (const f of iterateConfirmedPraise(database.db)) add(f);
    return lines;
  } catch (err) {
    // drizzle wraps the driver's error; its code says what is wrong with the database.
    const cause = ((err as { cause?: unknown }).cause ?? err) as { code?: string; message?: string };
    if (['3D000', 'ECONNREFUSED', '28P01', '28000', '42P01'].includes(cause.code ?? '')) {
      const where = new URL(url);
      where.password = '';
      console.error(
        `train: cannot read feedback from ${where.toString()} (${cause.message}); set DATABASE_URL, start the stack once (pnpm start), or pass --feedback=<file of GET /v1/feedback>`,
      );
      process.exit(1);
    }
    throw err;
  } finally {
    await database.close();
  }
}

// Feedback first: a bad file or an unreachable database fails before minutes of training.
let brands: string[] = [];
let feedbackMeta: Record<string, unknown> = {};
let feedbackItems: PoolItem[] = [];
const feedbackFlag = flag('feedback');
if (feedbackFlag !== undefined) {
  const source = value('feedback') ?? 'db';
  const fb = feedbackPool(await readFeedback(source));
  const r = fb.report;
  console.log(
    `train: feedback from ${source === 'db' ? 'the database' : source}: ${r.lines} overrides of ${r.mentions} mentions, ${r.used} used (latest per mention; ${r.skippedNotEnglish} not English skipped), each ${FEEDBACK_WEIGHT}×`,
  );
  console.log(
    `train: labels ${JSON.stringify(r.byLabel)}; ${r.fromPraise} were false praise, ${r.confirmed} praise confirmed by a thank/reward`,
  );
  if (fb.brands.length > 0) console.log(`train: brand-specific word weights for ${fb.brands.join(', ')}`);
  feedbackItems = fb.items;
  brands = fb.brands;
  feedbackMeta = { feedback: { ...r, weight: FEEDBACK_WEIGHT, brands } };
}

const sets = loadDatasets(dataDir());
if (sets === undefined) {
  console.error(`train: no data at ${dataDir()} (set GOODCHATTER_DATA_DIR)`);
  process.exit(1);
}
const pool = [...trainingPool(sets), ...feedbackItems];

const candidate = trainModel(pool, {
  log: (l) => console.log(l),
  meta: feedbackMeta,
  ...(brands.length > 0 ? { augment: brandCrossAugment(brands) } : {}),
});

// The current weights, if they decode (a changed model shape or feature set may not).
let current: (ShadowModel & { version: string }) | undefined;
if (existsSync(out)) {
  try {
    const file = WeightsFile.parse(JSON.parse(readFileSync(out, 'utf8')));
    current = {
      model: decodeWeights(file),
      onAnalysis: brandCrossScorerHook(feedbackBrandsOf(file)),
      version: file.version,
    };
  } catch (err) {
    console.log(`train: current weights at ${out} do not load (${(err as Error).message}); nothing to compare with`);
  }
}
const shadow = shadowCompare(
  current,
  { model: candidate.model, onAnalysis: brandCrossScorerHook(brands) },
  loadCareCorpus().heldOut,
);
console.log(`\n${formatShadow(shadow, current?.version ?? '(none)', candidate.version)}\n`);

if (!shadow.adopt && !force) {
  console.error(`train: kept current weights (${current?.version ?? out}): ${shadow.why}. Nothing written.`);
  process.exit(2);
}
if (!shadow.adopt) console.log(`train: --force: adopting although ${shadow.why}`);
else console.log(`train: adopted: ${shadow.why}`);
if (dryRun) {
  console.log(`train: --dry-run: would write ${out} (${candidate.version})`);
  process.exit(0);
}
writeFileSync(out, `${JSON.stringify(candidate.file)}\n`);
console.log(`train: wrote ${out} (${candidate.version})`);
console.log(
  'train: `pnpm rescore` will relabel stored mentions with the new version (staff overrides stay; no alerts are re-sent)',
);
