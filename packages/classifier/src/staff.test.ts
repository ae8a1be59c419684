import { describe, expect, it } from 'vitest';
import { brandPatterns, neutraliseBrand } from './brand.js';
import { extractStaff } from './staff.js';
import { tokenise } from './tokenise.js';

const staff = (text: string, brand?: string) =>
  extractStaff(neutraliseBrand(tokenise(text), brandPatterns(brand)).tokens);

describe('kudos extraction', () => {
  it.each([
    ['Maria at support was amazing', ['Maria']],
    ['thanks Dave on chat', ['Dave']],
    ['if you call, ask for Priya', ['Priya']],
    ['shoutout to @jen_helps for sorting it', ['@jen_helps']],
    ['Sam was so helpful today', ['Sam']],
    ['Huge thanks to Tom from billing', ['Tom']],
    ['Lucy on the phone sorted everything', ['Lucy']],
  ])('%s → %j', (text, names) => {
    expect(staff(text)).toEqual(names);
  });

  it('never names the brand', () => {
    expect(staff('thanks @united', 'United')).toEqual([]);
    expect(staff('Thanks United!', 'United')).toEqual([]);
  });

  it('skips sentence words and blamed staff', () => {
    expect(staff('Thanks Again for nothing')).toEqual([]);
    expect(staff('Dave on chat was rude')).toEqual([]);
    expect(staff('The app is great')).toEqual([]);
  });
});
