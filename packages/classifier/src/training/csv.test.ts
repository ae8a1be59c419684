import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvLine } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\n1,2,3\n')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['1', '2', '3'],
    ]);
  });
  it('keeps empty fields', () => {
    expect(parseCsvLine('"4",,x')).toEqual(['4', '', 'x']);
  });
});
