import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, K, type LinearModel, softmax } from './model.js';

describe('weights file', () => {
  it('round-trips through int16 quantisation', () => {
    const model: LinearModel = {
      version: 'test',
      dim: 4,
      bias: Float64Array.from([0.1, -0.2, 0.3]),
      weights: Float32Array.from({ length: 4 * K }, (_, i) => (i - 6) / 7),
      temperature: 1.5,
      thresholds: { praise: 0.8, complaint: 0.4 },
    };
    const back = decodeWeights(encodeWeights(model, { trainedAt: 'now', training: {} }));
    expect(back.thresholds).toEqual(model.thresholds);
    back.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(model.weights[i] as number, 3);
    });
  });

  it('softmax sums to one and sharpens below temperature 1', () => {
    const p = softmax(Float64Array.from([1, 0, -1]), 0.5);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(softmax(Float64Array.from([1, 0, -1]))[0] as number);
  });
});
