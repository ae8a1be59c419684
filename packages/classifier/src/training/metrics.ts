/** One scored item for a binary question ("is this praise?"). */
export interface Scored {
  /** Ranking score: higher means more likely positive. */
  score: number;
  /** Whether the shipped operating point calls it positive. */
  predicted: boolean;
  actual: boolean;
}

export interface BinaryReport {
  precision: number;
  recall: number;
  f1: number;
  /** Best precision at any threshold with recall ≥ 0.5 (NaN if unreachable). */
  precisionAtRecall50: number;
  /** Best recall at any threshold with precision ≥ 0.85 (0 if unreachable). */
  recallAtPrecision85: number;
  /** The care corpus' targets (issue 9): best precision with recall ≥ 0.7, best recall with precision ≥ 0.95. */
  precisionAtRecall70: number;
  recallAtPrecision95: number;
  positives: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Walks the ranking from the top; items with equal scores are taken together, since no
 * threshold can separate them (matters for lexicon scores, which tie a lot).
 */
export function curve(items: readonly Scored[]): { precision: number; recall: number; threshold: number }[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const positives = items.filter((i) => i.actual).length;
  const points: { precision: number; recall: number; threshold: number }[] = [];
  let tp = 0;
  let n = 0;
  for (let i = 0; i < sorted.length; ) {
    const s = (sorted[i] as Scored).score;
    while (i < sorted.length && (sorted[i] as Scored).score === s) {
      if ((sorted[i] as Scored).actual) tp++;
      n++;
      i++;
    }
    points.push({ precision: tp / n, recall: ratio(tp, positives), threshold: s });
  }
  return points;
}

export function binaryReport(items: readonly Scored[]): BinaryReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const i of items) {
    if (i.predicted && i.actual) tp++;
    else if (i.predicted) fp++;
    else if (i.actual) fn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  let precisionAtRecall50 = Number.NaN;
  let recallAtPrecision85 = 0;
  let precisionAtRecall70 = Number.NaN;
  let recallAtPrecision95 = 0;
  for (const p of curve(items)) {
    if (p.recall >= 0.5 && !(p.precision <= precisionAtRecall50)) precisionAtRecall50 = p.precision;
    if (p.precision >= 0.85 && p.recall > recallAtPrecision85) recallAtPrecision85 = p.recall;
    if (p.recall >= 0.7 && !(p.precision <= precisionAtRecall70)) precisionAtRecall70 = p.precision;
    if (p.precision >= 0.95 && p.recall > recallAtPrecision95) recallAtPrecision95 = p.recall;
  }
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    precisionAtRecall50,
    recallAtPrecision85,
    precisionAtRecall70,
    recallAtPrecision95,
    positives: tp + fn,
  };
}

/** Fold of an item: by text hash, so duplicate texts across sets share a fold (no leaks). */
export function foldOf(text: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % k;
}

/**
 * Expected calibration error over 10 equal-width bins: the gap between stated probability
 * and observed frequency, weighted by how many items fall in each bin (0 is perfect).
 */
export function calibrationError(items: readonly { p: number; actual: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, hits: 0 }));
  for (const { p, actual } of items) {
    const bin = bins[Math.min(9, Math.floor(p * 10))] as { n: number; p: number; hits: number };
    bin.n++;
    bin.p += p;
    if (actual) bin.hits++;
  }
  let error = 0;
  for (const b of bins) if (b.n > 0) error += (b.n / items.length) * Math.abs(b.p / b.n - b.hits / b.n);
  return error;
}
