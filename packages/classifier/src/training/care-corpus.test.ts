import { describe, expect, it } from 'vitest';
import { HARD_KINDS, loadCareCorpus, readCareCorpus } from './care-corpus.js';
import { nearDuplicatePairs } from './near-duplicates.js';

const items = readCareCorpus();

describe('care corpus', () => {
  it('has ≥ 3,000 labelled mentions over ≥ 10 industries, ≥ 40% of them hard', () => {
    expect(items.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(items.map((i) => i.industry)).size).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => HARD_KINDS.has(i.kind)).length / items.length).toBeGreaterThanOrEqual(0.4);
    for (const gold of ['praise', 'complaint', 'neutral', 'mixed']) {
      expect(items.filter((i) => i.gold === gold).length).toBeGreaterThan(200);
    }
  });

  it('is diverse by measure: under 2% of texts have a near-duplicate (3-shingle Jaccard ≥ 0.5)', () => {
    const pairs = nearDuplicatePairs(items.map((i) => i.text));
    const involved = new Set(pairs.flatMap((p) => [p.a, p.b]));
    expect(involved.size / items.length).toBeLessThan(0.02);
  });

  it('keeps a fixed fifth out of training, near-duplicates on one side', () => {
    const { train, heldOut } = loadCareCorpus();
    expect(train.length + heldOut.length).toBe(items.length);
    expect(heldOut.length / items.length).toBeGreaterThan(0.15);
    expect(heldOut.length / items.length).toBeLessThan(0.25);
    const trainGroups = new Set(train.map((i) => i.group));
    expect(heldOut.filter((i) => trainGroups.has(i.group))).toEqual([]);
  });
});
