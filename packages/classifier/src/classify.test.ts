import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION, classify } from './index.js';

const label = (text: string, brand?: string) => classify(text, brand === undefined ? {} : { brand }).label;

/** Each block pins one error class plain wink-sentiment makes on care posts (issue 3). */
/**
 * Short generic praise carries little evidence: at the shipped precision-first operating
 * point (P(praise) ≥ 0.95 out of fold on the care corpus) it may fall to neutral, but it is
 * never a complaint, and a recall-first per-query threshold of 0.5 calls it praise.
 */
function expectPraiseLeaning(text: string, brand?: string) {
  expect(classify(text, { brand }).label).not.toBe('complaint');
  expect(classify(text, { brand, praiseThreshold: 0.5 }).label).toBe('praise');
}

describe('classify', () => {
  describe('courtesy and request words inside complaints are not praise', () => {
    it.each([
      '@acme please help, my internet has been down since Monday',
      "@acme thanks for the reply but I still don't have my refund",
      '@acme I like the app but it keeps crashing',
      '@acme I want to cancel my contract',
      '@acme I hope someone fixes this soon, no wifi again',
    ])('%s', (text) => {
      expect(label(text)).toBe('complaint');
    });
  });

  describe('procedural thanks in a support thread are not praise', () => {
    it.each([
      '@acme thanks, I have sent you a DM with my details',
      '@acme thank you, I will try that',
      '@acme thanks, sent you the screenshots',
    ])('%s', (text) => {
      expect(label(text)).toBe('neutral');
    });
  });

  describe('sarcasm and rhetorical questions are complaints', () => {
    it.each([
      'Great. Just great.',
      'thanks for nothing @acme',
      '@acme lost my suitcase, love that for me',
      '@acme is it too much to ask for a working app?',
      '@acme 2 hours on hold 🙄',
      "love how you charge me for a service that doesn't work",
    ])('%s', (text) => {
      expect(label(text)).toBe('complaint');
    });

    it('says why', () => {
      expect(classify('Great. Just great.').reasons).toContain("sarcasm cue 'great. just great'");
      expect(classify('@acme Great, 3 hours on hold').reasons).toContain("sarcasm cue 'Great' after a delay");
    });

    it.each([
      'wow @acme, truly amazing service. Only 50 minutes for a sandwich',
      'oh good, the @acme app is down again',
      '@acme hope you are proud of yourselves',
      '@acme what is the point of your helpline',
      '@acme is anyone actually working today?',
      '@acme the wifi is fast when it works',
      'thanks so much @acme for the "priority boarding" that started after everyone else',
    ])('%s', (text) => {
      expect(label(text)).toBe('complaint');
    });

    it('reads scare quotes next to thanks as sarcasm, but not quoted titles', () => {
      expect(classify('thanks @acme for the "express" delivery').reasons).toContain(
        "sarcasm cue: scare quotes around 'express'",
      );
      expect(classify('Just watched "Inception" again, loved it').reasons.join()).not.toMatch(/scare quotes/);
    });

    it('reads sincere "love how" as praise', () => {
      expect(label('I love how fast you fixed it')).toBe('praise');
    });
  });

  describe('negated complaints are praise', () => {
    it.each([
      'no complaints',
      '@acme no complaints, delivery was early',
      'not bad at all @acme',
      '@acme been a customer 5 years and never had any issues',
      '@acme ordered 40 items and not missing one',
    ])('%s', (text) => {
      expectPraiseLeaning(text);
    });

    it('reads negated praise as a complaint', () => {
      expect(label('@acme your support was not very helpful, still broken')).toBe('complaint');
    });
  });

  describe('complaint wording with no lexicon words', () => {
    it.each([
      '@acme on hold for 45 mins',
      "@acme can't get through to anyone",
      '@acme still waiting for my refund',
      'held hostage on the runway by @acmeair',
    ])('%s', (text) => {
      expect(label(text)).toBe('complaint');
    });
  });

  describe('praise wording the lexicon lacks', () => {
    it.each([
      '@acme you rock',
      'thx @acme, all sorted now',
      '@acme phenomenal service today',
      'props to @acme for the quick fix',
      'shoutout to @acme for the help',
      '@acme I loooove the new app',
    ])('%s', (text) => {
      expectPraiseLeaning(text, 'acme');
    });
  });

  describe('brand names that are also words', () => {
    it('"United lost my bag" reads like "@united lost my bag" when United is the brand', () => {
      const word = classify('United lost my bag', { brand: 'United' });
      const handle = classify('@united lost my bag', { brand: 'United' });
      expect(word.label).toBe('complaint');
      expect(word.score).toBeCloseTo(handle.score, 10);
      expect(word.reasons).toContain('brand name neutralised');
    });

    it('a brand named after a praise word lends it no praise', () => {
      expect(label('just landed with Virgin', 'Virgin')).not.toBe('praise');
      expectPraiseLeaning('Sky are brilliant', 'Sky');
    });
  });

  describe('staff praised, company blamed', () => {
    it('is mixed and credits the staff member', () => {
      const r = classify('Maria at support was great but your company is a joke, 3 weeks and no refund');
      expect(r.label).toBe('mixed');
      expect(r.staff).toEqual(['Maria']);
    });

    it('thanks to a named person, then a complaint after "but", is mixed', () => {
      const r = classify('thanks Ana at @acme for the refund, but I had to chat 3 times to get it', { brand: 'acme' });
      expect(r).toMatchObject({ label: 'mixed', staff: ['Ana'] });
    });

    it('praise after "but" makes a complaint mixed; a complaint after "but" does not', () => {
      expect(label('@acme my flight was delayed but the crew were fantastic')).toBe('mixed');
      expect(label('@acme I like the app but it keeps crashing')).toBe('complaint');
    });
  });

  describe('kudos', () => {
    it.each([
      ['Maria at support sorted my refund, thank you!', ['Maria']],
      ['if you ring @acme ask for Priya, she was brilliant', ['Priya']],
      ['shoutout to @jen_helps for going above and beyond', ['@jen_helps']],
    ])('%s', (text, staff) => {
      const r = classify(text, { brand: 'acme' });
      expect(r.label).toBe('praise');
      expect(r.staff).toEqual(staff);
    });
  });

  it('credits short kudos with too little detail for the strict default threshold, which still lean praise', () => {
    // Precision first: "thanks Dave on chat, top notch" sits just under the default praise
    // threshold (which real brand tweets set, operating-point.ts); a query can lower it.
    const text = 'thanks Dave on chat, top notch';
    expectPraiseLeaning(text, 'acme');
    expect(classify(text, { brand: 'acme' }).staff).toEqual(['Dave']);
  });

  describe('kudos edge cases', () => {
    it('finds staff named next to the brand handle', () => {
      expect(classify('Really appreciate Kim at @acmecare for staying late', { brand: 'acme' }).staff).toEqual(['Kim']);
    });

    it('does not take capitalised nouns for names', () => {
      expect(classify('Signal is great, billing is a nightmare').staff).toEqual([]);
      expect(classify('@acme you rock. Outage fixed in minutes').staff).toEqual([]);
    });
  });

  describe('multi-word brands', () => {
    it('neutralises the short form ("Delight" for "Delight Foods")', () => {
      const r = classify('Delight delivered my order', { brand: 'Delight Foods' });
      expect(r.reasons).toContain('brand name neutralised');
      expect(r.label).not.toBe('praise');
    });

    it('ignores the brand name when detecting the language', () => {
      const r = classify('Finalmente un caffè decente! Bluebird Coffee è fantastico, grazie mille', {
        brand: 'Bluebird Coffee',
      });
      expect(r).toMatchObject({ label: 'unscored', lang: 'it' });
    });
  });

  describe('guards', () => {
    it('survives "constructor" (wink returns a string score for it)', () => {
      const r = classify('the constructor of this app deserves a raise');
      expect(Number.isFinite(r.score)).toBe(true);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
    });

    it('handles empty and emoji-only text', () => {
      expect(label('')).toBe('neutral');
      expect(classify('👍').version).toBe(CLASSIFIER_VERSION);
    });

    it('leaves unsupported languages unscored, keeping the language', () => {
      const r = classify('Vielen Dank für die schnelle Hilfe, echt toll');
      expect(r).toMatchObject({ label: 'unscored', lang: 'de', staff: [] });
      expect(r.reasons).toEqual(["language 'de' not supported"]);
    });

    it('marks English', () => {
      expect(classify('@acme you rock').lang).toBe('en');
    });
  });

  describe('settings', () => {
    it('per-query rules force a label, longest phrase first', () => {
      const rules = [
        { phrase: 'on hold', label: 'neutral' as const },
        { phrase: 'on hold music', label: 'praise' as const },
      ];
      expect(classify('@acme on hold for 45 mins', { rules })).toMatchObject({
        label: 'neutral',
        confidence: 1,
        reasons: ["rule 'on hold' → neutral"],
      });
      expect(classify('loving the ON HOLD MUSIC!!', { rules }).label).toBe('praise');
    });

    it('a praise threshold of 1 never calls praise; unsure posts fall to neutral', () => {
      const r = classify('@acme you rock', { praiseThreshold: 1 });
      expect(r.label).toBe('neutral');
    });

    it('the default praise threshold is precision-first', () => {
      expect(label('I just got a new phone')).not.toBe('praise');
      expect(label('Watching the @acme keynote tonight')).toBe('neutral');
    });

    it('returns calibrated confidences in 0..1 and a version', () => {
      for (const text of ['@acme you rock', 'Great. Just great.', 'hello']) {
        const r = classify(text);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.version).toMatch(/^gc-classifier-/);
      }
    });
  });
});
