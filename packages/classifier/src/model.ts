import { readFileSync } from 'node:fs';
import type { ScoredLabel } from '@goodchatter/core';
import { z } from 'zod';
import type { Features } from './features.js';

/** Output classes of the linear model, in weight order. `mixed` is decided by rules on top. */
export const CLASSES = ['complaint', 'neutral', 'praise'] as const satisfies readonly ScoredLabel[];
export type ModelClass = (typeof CLASSES)[number];
export const K = CLASSES.length;

/** Operating points chosen by the training script on out-of-fold predictions. */
export const Thresholds = z.object({
  /** Calibrated P(praise) at or above which a text is praise: precision first. */
  praise: z.number().min(0).max(1),
  /** Calibrated P(complaint) at or above which a text is a complaint. */
  complaint: z.number().min(0).max(1),
});
export type Thresholds = z.infer<typeof Thresholds>;

/** The committed weights file. Weights are int16-quantised and base64-encoded to stay small. */
export const WeightsFile = z.object({
  version: z.string(),
  trainedAt: z.string(),
  dim: z.number().int().positive(),
  bias: z.array(z.number()).length(K),
  /** Multiply the int16 weights by this to get the real weights. */
  scale: z.number().positive(),
  weights: z.string(),
  /** Softmax temperature fitted on out-of-fold predictions (calibration). */
  temperature: z.number().positive(),
  thresholds: Thresholds,
  /** What the model was trained on and how it did out of fold, for the README and audits. */
  training: z.record(z.string(), z.unknown()),
});
export type WeightsFile = z.infer<typeof WeightsFile>;

export interface LinearModel {
  version: string;
  dim: number;
  bias: Float64Array;
  /** Row-major [dim][K]. */
  weights: Float32Array;
  temperature: number;
  thresholds: Thresholds;
}

export function decodeWeights(file: WeightsFile): LinearModel {
  const bytes = Buffer.from(file.weights, 'base64');
  const q = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  if (q.length !== file.dim * K) throw new Error(`weights: expected ${file.dim * K} values, got ${q.length}`);
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = (q[i] as number) * file.scale;
  return {
    version: file.version,
    dim: file.dim,
    bias: Float64Array.from(file.bias),
    weights,
    temperature: file.temperature,
    thresholds: file.thresholds,
  };
}

export function encodeWeights(
  model: LinearModel,
  meta: { trainedAt: string; training: Record<string, unknown> },
): WeightsFile {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((model.weights[i] as number) / scale);
  return {
    version: model.version,
    trainedAt: meta.trainedAt,
    dim: model.dim,
    bias: [...model.bias],
    scale,
    weights: Buffer.from(q.buffer).toString('base64'),
    temperature: model.temperature,
    thresholds: model.thresholds,
    training: meta.training,
  };
}

/** Synchronous on purpose: the scorer loads weights once at import, before its hot loop. */
export function loadModel(url: URL): LinearModel {
  let raw: string;
  try {
    raw = readFileSync(url, 'utf8');
  } catch (err) {
    throw new Error(`classifier weights missing at ${url.pathname}: run \`pnpm train:classifier\``, { cause: err });
  }
  return decodeWeights(WeightsFile.parse(JSON.parse(raw)));
}

/** Raw class scores (before softmax). */
export function logits(model: LinearModel, f: Features, out: Float64Array = new Float64Array(K)): Float64Array {
  for (let c = 0; c < K; c++) out[c] = model.bias[c] as number;
  const w = model.weights;
  for (let j = 0; j < f.idx.length; j++) {
    const base = (f.idx[j] as number) * K;
    const v = f.val[j] as number;
    for (let c = 0; c < K; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
  return out;
}

/** Softmax with temperature, in place. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp(((z[c] as number) - max) / temperature);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
  return z;
}

/** Calibrated class probabilities, indexed like CLASSES. */
export function predict(model: LinearModel, f: Features): Float64Array {
  return softmax(logits(model, f), model.temperature);
}
