import { BRAND_TOKEN } from './brand.js';
import { clauseFeatures, clausePolarity } from './clauses.js';
import { type EventSignals, eventFeatures } from './events.js';
import type { LexiconResult } from './lexicon-score.js';
import type { Signals } from './signals.js';
import type { Token } from './tokenise.js';

/** Sparse feature vector: parallel arrays of hashed indices and values. */
export interface Features {
  idx: number[];
  val: number[];
}

/** 32-bit FNV-1a; the model's index space is the low bits. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The token as the model sees it: names and links collapse to one symbol each. */
function term(t: Token): string | undefined {
  if (t.norm === BRAND_TOKEN) return BRAND_TOKEN;
  switch (t.kind) {
    case 'url':
      return '<url>';
    case 'handle':
      return '<user>';
    case 'number':
      return '<num>';
    case 'punct':
      return t.norm === '!' || t.norm === '?' ? t.norm : undefined;
    case 'hashtag':
      return t.norm.slice(1);
    default:
      return t.negated ? `!${t.norm}` : t.norm;
  }
}

export interface FeatureInput {
  tokens: readonly Token[];
  signals: Signals;
  events: EventSignals;
  lexicon: LexiconResult;
  staffCount: number;
}

/**
 * Word unigrams (negation-marked) and bigrams, hashed into `dim` buckets, plus the signals
 * as named features. Character n-grams were measured and left out: see README.
 */
export function extractFeatures({ tokens, signals, events, lexicon, staffCount }: FeatureInput, dim: number): Features {
  const mask = dim - 1;
  const idx: number[] = [];
  const val: number[] = [];
  const add = (name: string, v: number) => {
    if (v === 0) return;
    idx.push(hash(name) & mask);
    val.push(v);
  };
  let prev = '<s>';
  for (const t of tokens) {
    const w = term(t);
    if (w === undefined) {
      prev = '<p>';
      continue;
    }
    add(w, 1);
    add(`${prev} ${w}`, 1);
    if (t.elongated) add('sig:elongated', 1);
    prev = w;
  }
  add(`${prev} </s>`, 1);
  for (const hit of signals.hits) {
    add(`sig:${hit.kind}`, 1);
    add(`cue:${hit.phrase}`, 1);
  }
  add('sig:negated-praise', signals.negatedPraise.length);
  add('sig:duration', signals.duration === undefined ? 0 : 1);
  add('sig:irony', signals.irony === undefined ? 0 : 1);
  add('sig:scare-quote', signals.scareQuote === undefined ? 0 : 1);
  add('sig:question', signals.question ? 1 : 0);
  add('sig:exclaim', signals.exclaim ? 1 : 0);
  add('sig:after-contrast', Math.max(-2, Math.min(2, signals.afterContrast / 3)));
  add('sig:staff', staffCount > 0 ? 1 : 0);
  add('lex:pos', Math.min(3, lexicon.positive / 4));
  add('lex:neg', Math.min(3, lexicon.negative / 4));
  add('lex:norm', Math.max(-2, Math.min(2, lexicon.normalized / 3)));
  add('lex:zero', lexicon.positive === 0 && lexicon.negative === 0 ? 1 : 0);
  eventFeatures(events, staffCount, add);
  clauseFeatures(clausePolarity(tokens, events), staffCount, events.recovery > 0, add);
  return { idx, val };
}
