import { analyse } from '../analyse.js';
import { K, type LinearModel, logits } from '../model.js';
import type { Example } from './datasets.js';
import { DEFAULT_FIT, type FitOptions, fit, type TrainingRow } from './fit.js';
import { foldOf } from './metrics.js';

/** Hand-written care examples are few but on target: each counts this many times. */
export const CARE_WEIGHT = 10;

export interface PoolItem extends Example {
  /** Which set it came from ('care' for the hand-written examples). */
  source: string;
  /** Visits per epoch; default 1 (CARE_WEIGHT for source 'care'). */
  weight?: number;
  /** The brand the post is about, neutralised as the scorer does with the query's brand. */
  brand?: string;
}

export function featurise(items: readonly PoolItem[], dim: number): TrainingRow[] {
  return items.map((e) => ({
    features: analyse(e.text, e.brand === undefined ? {} : { brand: e.brand }, dim).features,
    gold: e.gold,
    weight: e.weight ?? (e.source === 'care' ? CARE_WEIGHT : 1),
  }));
}

/** Fold of a pool item: near-duplicate groups share one, so paraphrases never straddle folds. */
export const poolFold = (e: PoolItem, k: number) => foldOf(e.group ?? e.text, k);

export interface OutOfFold {
  /** Per fold, the model trained without it. */
  models: LinearModel[];
  /** Per pool item, its fold. */
  folds: number[];
  /** Per pool item, logits from the model that never saw it. */
  logits: Float64Array[];
}

/**
 * K-fold over the whole training pool. Folds are assigned by text hash, so a text that
 * appears in two sets is held out of both at once.
 */
export function outOfFold(
  items: readonly PoolItem[],
  rows: readonly TrainingRow[],
  k: number,
  opts: FitOptions = DEFAULT_FIT,
  onFold: (fold: number) => void = () => {},
  trainer: (rows: TrainingRow[]) => LinearModel = (r) => fit(r, opts),
): OutOfFold {
  const folds = items.map((e) => poolFold(e, k));
  const out: Float64Array[] = items.map(() => new Float64Array(K));
  const models: LinearModel[] = [];
  for (let f = 0; f < k; f++) {
    onFold(f);
    const model = trainer(rows.filter((_, i) => folds[i] !== f));
    models.push(model);
    rows.forEach((row, i) => {
      if (folds[i] === f) logits(model, row.features, out[i]);
    });
  }
  return { models, folds, logits: out };
}
