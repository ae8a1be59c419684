import { createHash } from 'node:crypto';
import { encodeWeights, type LinearModel, type Thresholds, type WeightsFile } from '../model.js';
import { RULES_VERSION } from '../version.js';
import { featurise, outOfFold, type PoolItem } from './cross-validate.js';
import { DEFAULT_FIT, type FitOptions, fit, fitTemperature, type TrainingRow } from './fit.js';
import { chooseThresholds } from './operating-point.js';

export interface TrainOptions {
  fit?: FitOptions;
  /**
   * Cross-validation folds for calibration and operating points. 0 skips them (fast: one
   * fit) and keeps `calibration`'s temperature and thresholds — for tests and quick looks.
   */
  folds?: number;
  calibration?: { temperature: number; thresholds: Thresholds };
  /** Fits one model on rows (default: the linear fit with `fit` options). */
  trainer?: (rows: TrainingRow[], opts: FitOptions) => LinearModel;
  /**
   * Extra features per row after featurising (the feedback's brand crosses); must be the
   * same function inference uses, or the model learns features it never sees.
   */
  augment?: (item: PoolItem, row: TrainingRow, dim: number) => void;
  /** Extra metadata recorded under `training` in the weights file. */
  meta?: Record<string, unknown>;
  log?: (line: string) => void;
}

export interface TrainedModel {
  model: LinearModel;
  /** The weights file to write (version set, trainedAt now). */
  file: WeightsFile;
  version: string;
  /** Out-of-fold operating-point figures (empty when folds = 0). */
  outOfFold: Record<string, unknown>;
}

/**
 * Trains the shipped model from a pool of weighted examples:
 * 1. featurise every item (brand-neutralised when it carries a brand; `augment` adds more);
 * 2. k-fold out-of-fold logits → softmax temperature (calibration) and operating points;
 * 3. fit on everything; the version is RULES_VERSION + a digest of everything that changes
 *    predictions, so a new model always gets a new version and `pnpm rescore` relabels.
 */
export function trainModel(pool: readonly PoolItem[], opts: TrainOptions = {}): TrainedModel {
  const fitOpts = opts.fit ?? DEFAULT_FIT;
  const folds = opts.folds ?? 5;
  const log = opts.log ?? (() => {});
  const trainer = opts.trainer ?? ((rows: TrainingRow[], o: FitOptions) => fit(rows, o));
  const t0 = performance.now();
  const rows = featurise(pool, fitOpts.dim);
  const augment = opts.augment;
  if (augment) {
    pool.forEach((item, i) => {
      augment(item, rows[i] as TrainingRow, fitOpts.dim);
    });
  }
  log(`train: ${pool.length} examples, featurised in ${Math.round(performance.now() - t0)} ms`);

  let temperature: number;
  let thresholds: Thresholds;
  let report: Record<string, unknown> = {};
  if (folds >= 2) {
    const oof = outOfFold(
      pool,
      rows,
      folds,
      fitOpts,
      (f) => log(`train: fold ${f + 1}/${folds}`),
      (r) => trainer(r, fitOpts),
    );
    temperature = fitTemperature(
      oof.logits,
      pool.map((e) => e.gold),
    );
    const chosen = chooseThresholds(pool, oof.logits, temperature);
    thresholds = chosen.chosen;
    report = chosen.report;
    log(`train: temperature ${temperature}, thresholds ${JSON.stringify(thresholds)}`);
  } else {
    if (opts.calibration === undefined) throw new Error('trainModel: folds < 2 needs `calibration`');
    ({ temperature, thresholds } = opts.calibration);
  }

  const model = trainer(rows, fitOpts);
  model.temperature = temperature;
  model.thresholds = thresholds;
  const provisional = encodeWeights(model, { trainedAt: '', training: {} });
  // Everything that changes predictions goes into the digest (the meta too: it carries the
  // feedback brands inference crosses), so the version changes with it.
  const digest = createHash('sha256')
    .update(JSON.stringify({ ...provisional, version: '', meta: opts.meta ?? {} }))
    .digest('hex');
  model.version = `${RULES_VERSION}+w.${digest.slice(0, 10)}`;
  const sources = [...new Set(pool.map((e) => e.source))];
  const file = encodeWeights(model, {
    trainedAt: new Date().toISOString(),
    training: {
      sets: Object.fromEntries(sources.map((s) => [s, pool.filter((e) => e.source === s).length])),
      folds,
      fit: fitOpts,
      outOfFold: report,
      ...opts.meta,
    },
  });
  return { model, file, version: model.version, outOfFold: report };
}
