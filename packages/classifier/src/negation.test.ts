import { describe, expect, it } from 'vitest';
import { markNegation } from './negation.js';
import { tokenise } from './tokenise.js';

const negated = (text: string) => {
  const tokens = tokenise(text);
  markNegation(tokens);
  return tokens.filter((t) => t.negated).map((t) => t.norm);
};

describe('negation scope', () => {
  it('covers up to three words after a negator', () => {
    expect(negated('never had any issues at all')).toEqual(['had', 'any', 'issues']);
  });

  it("handles n't contractions", () => {
    expect(negated("it wasn't good")).toEqual(['good']);
  });

  it('stops at punctuation and at "but"', () => {
    expect(negated('not great, but fine')).toEqual(['great']);
    expect(negated('not cheap but worth it')).toEqual(['cheap']);
  });
});
