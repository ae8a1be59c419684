import type { Token } from './tokenise.js';

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'cant',
  'dont',
  'wont',
  'isnt',
  'wasnt',
  'didnt',
  'doesnt',
  'aint',
  'havent',
  'hasnt',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'arent',
  'werent',
  'nope',
  'zero',
]);

// A contrast word or clause punctuation ends the scope: "not great, but fine".
const SCOPE_ENDERS = new Set(['but', 'however', 'though', 'although', 'yet', 'except']);

/** How many words after a negator are read as negated ("never had any issues"). */
const SCOPE = 3;

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/**
 * Marks tokens inside a negation scope. wink flips only up to two tokens back and misses
 * "no complaints"-style phrases; the learned model instead sees negated words as separate
 * features ("!bad"), so "not bad" and "bad" get their own weights.
 */
export function markNegation(tokens: Token[]): number {
  let remaining = 0;
  let negators = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' || SCOPE_ENDERS.has(t.norm)) {
      remaining = 0;
      continue;
    }
    if (t.kind === 'word' && isNegator(t.norm)) {
      negators++;
      remaining = SCOPE;
      continue;
    }
    if (remaining > 0 && (t.kind === 'word' || t.kind === 'number')) {
      t.negated = true;
      remaining--;
    }
  }
  return negators;
}
