import { describe, expect, it } from 'vitest';
import { binaryReport, calibrationError, foldOf } from './metrics.js';

describe('binaryReport', () => {
  const items = [
    { score: 0.9, predicted: true, actual: true },
    { score: 0.8, predicted: true, actual: false },
    { score: 0.7, predicted: false, actual: true },
    { score: 0.1, predicted: false, actual: false },
  ];

  it('computes precision, recall and F1 at the operating point', () => {
    const r = binaryReport(items);
    expect(r).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, positives: 2 });
  });

  it('sweeps thresholds for precision at recall ≥ 0.5 and recall at precision ≥ 0.85', () => {
    const r = binaryReport(items);
    expect(r.precisionAtRecall50).toBe(1);
    expect(r.recallAtPrecision85).toBe(0.5);
    // The care targets: recall 0.7 is first reached at 0.7 (2 of 3 taken are praise); precision
    // 0.95 only at the top item.
    expect(r.precisionAtRecall70).toBeCloseTo(2 / 3);
    expect(r.recallAtPrecision95).toBe(0.5);
  });

  it('cannot split tied scores', () => {
    const tied = [
      { score: 1, predicted: true, actual: true },
      { score: 1, predicted: true, actual: false },
    ];
    expect(binaryReport(tied).precisionAtRecall50).toBe(0.5);
    expect(binaryReport(tied).recallAtPrecision85).toBe(0);
  });
});

describe('foldOf', () => {
  it('is stable and in range', () => {
    expect(foldOf('hello', 5)).toBe(foldOf('hello', 5));
    for (const t of ['a', 'b', 'c', 'dd']) expect(foldOf(t, 5)).toBeLessThan(5);
  });
});

describe('calibrationError', () => {
  it('is 0 when stated probabilities match frequencies, and large when they do not', () => {
    const fair = [
      { p: 0.25, actual: true },
      { p: 0.25, actual: false },
      { p: 0.25, actual: false },
      { p: 0.25, actual: false },
    ];
    expect(calibrationError(fair)).toBeCloseTo(0, 12);
    expect(calibrationError([{ p: 0.95, actual: false }])).toBeCloseTo(0.95, 12);
  });
});
