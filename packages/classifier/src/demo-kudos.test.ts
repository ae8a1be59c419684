import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './index.js';

// The demo mentions (packages/sources/demo), not trained on: who each post credits.
const demo = readFileSync(new URL('../../sources/demo/mentions.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string; text: string; brand: string; lang?: string });

const EXPECTED: Record<string, string[]> = {
  'demo-0023': ['Keisha'], // "Orbit Internet tech (Keisha) showed up on time"
  'demo-0041': ['Dave'], // "Dave at the desk was lovely but…"
  'demo-0051': ['Kim'],
  'demo-0080': ['Tasha'], // "(I think her name was Tasha) stayed 30 min past her shift"
  'demo-0084': ['Marcus'],
  'demo-0086': ['Maria'],
  'demo-0097': ['Renee'], // "(shoutout Renee!)"
  'demo-0113': ['Kenji'], // "Kenji kept me updated"
  'demo-0114': ['Priya'],
  'demo-0127': ['@jen_helps'], // a person, though her handle ends in "helps"
  'demo-0134': ['Priya'],
  'demo-0143': ['Luis'],
  'demo-0146': ['Ana'],
  'demo-0154': ['@kai_at_orbit'], // a person's handle at the brand, not the brand's
  'demo-0165': ['Sam'],
  'demo-0182': ['Dave'],
  'demo-0188': ['Priya'],
  'demo-0189': ['Ravi'],
  'demo-0190': ['Marco'],
  'demo-0193': ['Andre'],
  'demo-0194': ['Diego'],
  'demo-0204': ['Sam'],
  'demo-0205': ['Omar'], // "tech support guy (Omar?)"
  'demo-0222': ['Ben'],
  'demo-0225': ['Leo'],
  'demo-0236': ['Ray'], // "Tech named Ray"
  'demo-0249': ['Hana'],
  'demo-0266': ['Nina'],
  'demo-0267': ['Grace'],
  'demo-0273': ['Rosa'],
  'demo-0280': ['Tomas'],
};

describe('demo mentions', () => {
  it('credits the staff each post praises, and nobody else (never @OrbitCares, @NorthwindHelp…)', () => {
    const got: Record<string, string[]> = {};
    for (const m of demo) {
      const r = classify(m.text, { brand: m.brand });
      // A complaint or an unscored post credits nobody, whoever it names (decide.ts).
      const expected = r.label === 'complaint' || r.label === 'unscored' ? [] : (EXPECTED[m.id] ?? []);
      if (r.staff.length > 0 || expected.length > 0) got[m.id] = r.staff;
      expect(r.staff, `${m.id}: ${m.text}`).toEqual(expected);
    }
    // Most of the expected names really are credited (the labels come from the model).
    expect(Object.keys(got).length).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length - 3);
  });

  it('detects the language of every post', () => {
    for (const m of demo) {
      const r = classify(m.text, { brand: m.brand });
      // Too few letters to tell ("ty @AcmeAir") is null, and scored as English.
      expect(r.lang ?? 'en', `${m.id}: ${m.text}`).toBe(m.lang ?? 'en');
      expect(r.label === 'unscored', m.id).toBe((m.lang ?? 'en') !== 'en');
    }
  });
});
