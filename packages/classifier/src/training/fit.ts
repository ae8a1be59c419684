import type { Features } from '../features.js';
import { K, type LinearModel, logits, softmax } from '../model.js';
import type { Gold } from './datasets.js';

export interface TrainingRow {
  features: Features;
  gold: Gold;
  /**
   * How many times the row is visited per epoch (the hand-written care examples count more).
   * Repetition rather than a gradient factor: AdaGrad normalises a scaled gradient away.
   */
  weight: number;
}

export interface FitOptions {
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_FIT: FitOptions = { dim: 1 << 18, epochs: 3, learningRate: 0.02, l2: 1e-6, seed: 7 };

/**
 * Target distribution per gold label, indexed like CLASSES. Mixed posts carry both praise and
 * complaint: they train as half of each, so neither side learns they are neutral.
 */
export const TARGET: Record<Gold, readonly [number, number, number]> = {
  complaint: [1, 0, 0],
  neutral: [0, 1, 0],
  praise: [0, 0, 1],
  mixed: [0.5, 0, 0.5],
};

/** Deterministic PRNG (mulberry32) so training is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression by AdaGrad SGD over sparse hashed features. Small data
 * (≈25k rows) and few features per row make this take seconds, so the bench can retrain
 * per fold. L2 is applied to the weights a row touches (the usual lazy approximation).
 */
export function fit(rows: readonly TrainingRow[], opts: FitOptions = DEFAULT_FIT): LinearModel {
  const model: LinearModel = {
    version: 'unversioned',
    dim: opts.dim,
    bias: new Float64Array(K),
    weights: new Float32Array(opts.dim * K),
    temperature: 1,
    thresholds: { praise: 0.5, complaint: 0.5 },
  };
  const g2 = new Float32Array(opts.dim * K);
  const b2 = new Float64Array(K);
  const order = rows.flatMap((row, i) => Array.from({ length: Math.max(1, Math.round(row.weight)) }, () => i));
  const random = rng(opts.seed);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const r of order) {
      const row = rows[r] as TrainingRow;
      const p = softmax(logits(model, row.features, z));
      const y = TARGET[row.gold];
      for (let c = 0; c < K; c++) {
        const g = (p[c] as number) - (y[c] as number);
        b2[c] = (b2[c] as number) + g * g;
        model.bias[c] = (model.bias[c] as number) - (opts.learningRate * g) / Math.sqrt((b2[c] as number) + 1e-8);
        const { idx, val } = row.features;
        for (let f = 0; f < idx.length; f++) {
          const k = (idx[f] as number) * K + c;
          const w = model.weights[k] as number;
          const gw = g * (val[f] as number) + opts.l2 * w;
          g2[k] = (g2[k] as number) + gw * gw;
          model.weights[k] = w - (opts.learningRate * gw) / Math.sqrt((g2[k] as number) + 1e-8);
        }
      }
    }
  }
  return model;
}

/** Negative log-likelihood of the gold classes under softmax(logits / T). */
function nll(zs: readonly Float64Array[], golds: readonly Gold[], t: number): number {
  let sum = 0;
  const p = new Float64Array(K);
  zs.forEach((z, i) => {
    p.set(z);
    softmax(p, t);
    const y = TARGET[golds[i] as Gold];
    for (let c = 0; c < K; c++)
      if ((y[c] as number) > 0) sum -= (y[c] as number) * Math.log(Math.max(1e-12, p[c] as number));
  });
  return sum / zs.length;
}

/** Temperature scaling (Guo et al. 2017) fitted on out-of-fold logits. */
export function fitTemperature(zs: readonly Float64Array[], golds: readonly Gold[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.3; t <= 4; t += 0.05) {
    const loss = nll(zs, golds, t);
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
