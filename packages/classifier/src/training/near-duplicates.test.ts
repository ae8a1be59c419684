import { describe, expect, it } from 'vitest';
import { nearDuplicateClusters, nearDuplicatePairs, shingles } from './near-duplicates.js';

describe('near duplicates', () => {
  it('shingles words, ignoring handles, links, case and punctuation', () => {
    expect([...shingles('@acme Thanks, Dave! https://x.co/1 great help', 3)]).toEqual([
      'thanks dave great',
      'dave great help',
    ]);
  });

  it('pairs paraphrases that share most shingles and clusters them transitively', () => {
    const texts = [
      'thank you so much for the six hour delay at the gate',
      'thank you so much for the six hour delay at the gate today',
      'thank you so much for the six hour delay at the gate today again',
      'the crew were lovely and the landing was smooth',
    ];
    const pairs = nearDuplicatePairs(texts, 0.5);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    const clusters = nearDuplicateClusters(texts, 0.5);
    expect(clusters[0]).toBe(clusters[2]);
    expect(clusters[3]).not.toBe(clusters[0]);
  });
});
