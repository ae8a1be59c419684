import { softmax, type Thresholds } from '../model.js';
import type { PoolItem } from './cross-validate.js';

/**
 * Precision the default praise threshold must reach out of fold on TweetEval, the hardest
 * and noisiest tweet set we have (general tweets, sarcasm, praise of third parties).
 * Rewarding an angry customer is far worse than missing a compliment, so this is set high
 * and recall takes what is left; easier sets then land above it.
 */
export const PRAISE_PRECISION = 0.875;
/**
 * Precision the praise threshold must also reach out of fold on the care corpus' training
 * part (care-style posts, most of them hard): the issue's target for the care feed.
 */
export const CARE_PRAISE_PRECISION = 0.95;
/** Complaints cost less when wrong (a person reads them); this favours recall. */
export const COMPLAINT_PRECISION = 0.7;

/** Review sentences (UCI) are not mentions; operating points are chosen on tweets only. */
const isTweet = (source: string) => !source.startsWith('UCI');
const isHardTweet = (source: string) => source.startsWith('TweetEval');

/** Lowest threshold on `scores` whose precision for `actual` reaches `target`. */
export function thresholdFor(scores: readonly number[], actual: readonly boolean[], target: number) {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const positives = actual.filter(Boolean).length;
  let tp = 0;
  let best = { threshold: 1, precision: 1, recall: 0 };
  order.forEach((i, n) => {
    if (actual[i]) tp++;
    const precision = tp / (n + 1);
    const next = order[n + 1];
    // Only cut between distinct scores.
    if (next !== undefined && scores[next] === scores[i]) return;
    if (precision >= target) best = { threshold: scores[i] as number, precision, recall: tp / positives };
  });
  return best;
}

export function chooseThresholds(
  pool: readonly PoolItem[],
  logits: readonly Float64Array[],
  temperature: number,
): { chosen: Thresholds; report: Record<string, unknown> } {
  const probs = logits.map((z) => softmax(Float64Array.from(z), temperature));
  const keep = pool.map((e) => isTweet(e.source));
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
  const hard = pool.map((e) => isHardTweet(e.source));
  const pickHard = <T>(xs: readonly T[]) => xs.filter((_, i) => hard[i]);
  const praise = thresholdFor(
    pickHard(probs.map((p) => p[2] as number)),
    pickHard(pool.map((e) => e.gold === 'praise')),
    PRAISE_PRECISION,
  );
  const care = pool.map((e) => e.source === 'care corpus');
  const pickCare = <T>(xs: readonly T[]) => xs.filter((_, i) => care[i]);
  const carePraise = care.some(Boolean)
    ? thresholdFor(
        pickCare(probs.map((p) => p[2] as number)),
        pickCare(pool.map((e) => e.gold === 'praise')),
        CARE_PRAISE_PRECISION,
      )
    : undefined;
  const complaint = thresholdFor(
    pick(probs.map((p) => p[0] as number)),
    pick(pool.map((e) => e.gold === 'complaint')),
    COMPLAINT_PRECISION,
  );
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    // Precision first: the stricter of the two thresholds.
    chosen: {
      praise: round(Math.max(praise.threshold, carePraise?.threshold ?? 0)),
      complaint: round(complaint.threshold),
    },
    report: {
      praise: { target: PRAISE_PRECISION, precision: round(praise.precision), recall: round(praise.recall) },
      ...(carePraise && {
        carePraise: {
          target: CARE_PRAISE_PRECISION,
          precision: round(carePraise.precision),
          recall: round(carePraise.recall),
        },
      }),
      complaint: {
        target: COMPLAINT_PRECISION,
        precision: round(complaint.precision),
        recall: round(complaint.recall),
      },
    },
  };
}
