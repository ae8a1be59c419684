import { describe, expect, it } from 'vitest';
import { clauseFeatures, clausePolarity } from './clauses.js';
import { findEvents } from './events.js';
import { markNegation } from './negation.js';
import { tokenise } from './tokenise.js';

function featuresOf(text: string, staffCount = 0): { polarity: number[]; names: string[] } {
  const tokens = tokenise(text);
  markNegation(tokens);
  const events = findEvents(tokens, text);
  const polarity = clausePolarity(tokens, events);
  const names: string[] = [];
  clauseFeatures(polarity, staffCount, events.recovery > 0, (name, v) => {
    if (v !== 0) names.push(name);
  });
  return { polarity, names };
}

describe('clause polarity', () => {
  it('splits at sentence ends and contrast words, scoring each part', () => {
    const { polarity } = featuresOf('Karina was brilliant. It should never have taken 7 calls though, awful');
    expect(polarity.length).toBe(3);
    expect(polarity[0]).toBeGreaterThan(0);
    expect(polarity[2]).toBeLessThan(0);
  });

  it('reads a compliment with a sting as praise then blame, naming the staff cross', () => {
    const { names } = featuresOf('Karina was brilliant. the billing team is a disgrace though', 1);
    expect(names).toContain('cl:pos&neg');
    expect(names).toContain('cl:pos-then-neg&staff');
    expect(names).toContain('cl:ends-neg&staff');
  });

  it('reads recovery praise as a bad event, then its repair', () => {
    const { names } = featuresOf('my flight was cancelled and I was furious. Luis rebooked me on the spot, legend');
    expect(names).toContain('cl:neg-then-pos&rec');
    expect(names).toContain('cl:last+');
  });

  it('flips negated words and says nothing for an empty text', () => {
    expect(featuresOf('not good').polarity[0]).toBeLessThan(0);
    expect(featuresOf('').names).toEqual([]);
  });
});
