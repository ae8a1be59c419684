import { describe, expect, it } from 'vitest';
import { BRAND_TOKEN, brandPatterns, neutraliseBrand } from './brand.js';
import { tokenise } from './tokenise.js';

const norms = (text: string, brand?: string, terms?: string[]) =>
  neutraliseBrand(tokenise(text), brandPatterns(brand, terms)).tokens.map((t) => t.norm);

describe('brand neutralising', () => {
  it('reads the brand word, handle and hashtag alike', () => {
    expect(norms('United lost my bag', 'United')).toEqual([BRAND_TOKEN, 'lost', 'my', 'bag']);
    expect(norms('@united lost my bag', 'United')).toEqual([BRAND_TOKEN, 'lost', 'my', 'bag']);
    expect(norms('#United lost my bag', 'United')).toEqual([BRAND_TOKEN, 'lost', 'my', 'bag']);
  });

  it('takes multi-word brands whole, and their joined handle', () => {
    expect(norms('British Airways and @britishairways', 'British Airways')).toEqual([BRAND_TOKEN, 'and', BRAND_TOKEN]);
  });

  it('neutralises extra brand terms', () => {
    expect(norms('@Virgin_Care are great', 'Virgin', ['@Virgin_Care'])).toEqual([BRAND_TOKEN, 'are', 'great']);
  });

  it('leaves text alone without a brand', () => {
    expect(norms('United lost my bag')).toEqual(['united', 'lost', 'my', 'bag']);
  });
});
