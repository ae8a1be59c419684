import { createRequire } from 'node:module';
import sentiment from 'wink-sentiment';

// wink-sentiment ships its AFINN table as a CommonJS module without an `exports` map;
// we only read it to tell whether a de-elongated word is a sentiment word.
const require = createRequire(import.meta.url);
const afinn = require('wink-sentiment/src/afinn-en-165.js') as Record<string, number>;

export function isLexiconWord(word: string): boolean {
  return Object.hasOwn(afinn, word);
}

/** AFINN score of one word (0 when absent), for scoring a clause without re-running wink. */
export function wordScore(word: string): number {
  return Object.hasOwn(afinn, word) ? (afinn[word] as number) : 0;
}

export interface LexiconResult {
  /** Sum of token scores (wink's own negation applied). */
  score: number;
  /** Score per scored token, as wink reports it. */
  normalized: number;
  positive: number;
  negative: number;
}

const ZERO: LexiconResult = { score: 0, normalized: 0, positive: 0, negative: 0 };

const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * wink-sentiment, guarded: a text containing "constructor" makes it return a string score
 * (a prototype look-up in its lexicon), and empty text has no tokens.
 */
export function lexicon(text: string): LexiconResult {
  if (text.trim() === '') return ZERO;
  const r = sentiment(text);
  let positive = 0;
  let negative = 0;
  for (const t of r.tokenizedPhrase ?? []) {
    const s = finite(t.score);
    if (s > 0) positive += s;
    else if (s < 0) negative -= s;
  }
  return { score: finite(r.score), normalized: finite(r.normalizedScore), positive, negative };
}

/** Kept for callers of the lexicon-only version: wink's normalised score, guarded. */
export function lexiconScore(text: string): number {
  return lexicon(text).normalized;
}
