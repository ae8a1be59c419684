import { describe, expect, it } from 'vitest';
import { classifyLine } from './cli-line.js';
import { classify } from './index.js';

describe('classifyLine', () => {
  it('returns the documented fields for a valid line', () => {
    const out = classifyLine('{"text":"United lost my bag","brand":"United"}', classify);
    expect(Object.keys(out).sort()).toEqual(['confidence', 'label', 'lang', 'reasons', 'staff', 'version']);
    expect(out).toMatchObject({ label: 'complaint', lang: 'en' });
  });

  it.each(['not json', '{"brand":"x"}', '{"text":3}', '[]', ''])('reports %j as an error', (line) => {
    expect(classifyLine(line, classify)).toHaveProperty('error');
  });
});
