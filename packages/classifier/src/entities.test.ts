import { describe, expect, it } from 'vitest';
import { classify } from './index.js';

// Tweets arrive HTML-escaped. Every stage (language, tokens, signals, lexicon, kudos) must
// see the decoded text, so an escaped post classifies exactly like the same post unescaped.
describe('HTML entities are decoded before anything reads the text', () => {
  it.each([
    ['bluebird &lt;3', 'bluebird <3'],
    ['thanks @acme for the &quot;express&quot; delivery', 'thanks @acme for the "express" delivery'],
    ['Fatima &amp; Joe at the desk were great', 'Fatima & Joe at the desk were great'],
    [
      'Delight Foods &amp; their same-day delivery saved my prep',
      'Delight Foods & their same-day delivery saved my prep',
    ],
    ['Merci beaucoup &#224; Sophie, service impeccable', 'Merci beaucoup à Sophie, service impeccable'],
    ['great app &#x1F60D;', 'great app 😍'],
  ])('%s', (escaped, plain) => {
    expect(classify(escaped, { brand: 'Bluebird' })).toEqual(classify(plain, { brand: 'Bluebird' }));
  });

  it('reads &lt;3 as a heart and &quot; as quotes', () => {
    expect(classify('@acme &lt;3', { brand: 'Acme' }).score).toBeGreaterThan(
      classify('@acme', { brand: 'Acme' }).score,
    );
    expect(classify('thanks @acme for the &quot;express&quot; delivery').reasons).toContain(
      "sarcasm cue: scare quotes around 'express'",
    );
    expect(classify('Fatima &amp; Joe were great').staff).toEqual(['Fatima', 'Joe']);
  });
});
