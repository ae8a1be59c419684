import { describe, expect, it } from 'vitest';
import { K, loadModel } from '../model.js';
import { formatShadow, shadowCompare } from './shadow.js';

const shipped = loadModel(new URL('../../model/weights.json', import.meta.url));
const heldOut = [
  { text: 'Maria at the desk was wonderful, thank you!', gold: 'praise' },
  { text: 'Thanks so much Dave, you sorted it in minutes', gold: 'praise' },
  { text: 'my bag has been lost for a week and nobody answers', gold: 'complaint' },
  { text: 'what time does the store open on sunday', gold: 'neutral' },
  { text: 'the app crashes every time I log in', gold: 'complaint' },
];

describe('shadow comparison (the adoption gate)', () => {
  it('adopts a candidate that is not worse, and refuses one whose praise precision drops', () => {
    const same = shadowCompare({ model: shipped }, { model: shipped }, heldOut);
    expect(same.adopt).toBe(true);
    expect(same.current).toEqual(same.candidate);

    // A model that calls everything praise: praise precision 2/5 at best.
    const bias = new Float64Array(K);
    bias[2] = 50;
    const praiseForAll = { ...shipped, bias, weights: new Float32Array(shipped.weights.length) };
    const worse = shadowCompare({ model: shipped }, { model: praiseForAll }, heldOut);
    expect(worse.candidate.praise.precision).toBeLessThan(worse.current?.praise.precision ?? 0);
    expect(worse.adopt).toBe(false);
    expect(worse.why).toMatch(/held-out praise precision 0\.400 < current/);
    expect(formatShadow(worse, 'cur', 'cand')).toMatch(/current .*cur\n {2}candidate .*cand/);
  });

  it('keeps the current model when there is nothing held out to compare on', () => {
    expect(shadowCompare({ model: shipped }, { model: shipped }, []).adopt).toBe(false);
  });
});
