import { BRAND_TOKEN } from './brand.js';
import type { EventSignals } from './events.js';
import { wordScore } from './lexicon-score.js';
import type { Token } from './tokenise.js';

/**
 * Polarity of each clause, in order: sentences and the parts either side of a contrast word.
 * A post that praises in one clause and blames in another ("Karina sorted it brilliantly. It
 * should never have taken 7 calls though") is mixed, whichever way the whole-post sum leans;
 * the order tells recovery praise (bad, then good) from a compliment with a sting (good, then
 * bad). Scored from AFINN words (negation flips them), negative events and their repair.
 */
const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet']);
const EVENT_WEIGHT = 3;

export function clausePolarity(all: readonly Token[], events: EventSignals): number[] {
  // The same content tokens as findEvents, so its indices line up.
  const tokens = all.filter((t) => t.kind !== 'handle' && t.kind !== 'url' && t.norm !== BRAND_TOKEN);
  const out: number[] = [];
  let score = 0;
  let words = 0;
  const close = () => {
    if (words > 0) out.push(score);
    score = 0;
    words = 0;
  };
  let e = 0;
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if ((t.kind === 'punct' && t.norm !== ',') || CONTRAST.has(t.norm)) {
      close();
      continue;
    }
    while (e < events.eventAt.length && (events.eventAt[e] as number) <= i) {
      if (events.eventAt[e] === i) score -= EVENT_WEIGHT;
      e++;
    }
    while (r < events.recoveryAt.length && (events.recoveryAt[r] as number) <= i) {
      if (events.recoveryAt[r] === i) score += EVENT_WEIGHT;
      r++;
    }
    const s = wordScore(t.norm);
    score += t.negated ? -s : s;
    if (t.kind === 'word' || t.kind === 'emoji') words++;
  }
  close();
  return out;
}

/** Named features of the clause polarities; see clausePolarity. */
export function clauseFeatures(
  polarity: readonly number[],
  staffCount: number,
  recovery: boolean,
  add: (name: string, v: number) => void,
): void {
  if (polarity.length === 0) return;
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '-' : '0');
  const first = polarity[0] as number;
  const last = polarity[polarity.length - 1] as number;
  const clip = (x: number) => Math.max(-2, Math.min(2, x / 4));
  add('cl:max', clip(Math.max(...polarity)));
  add('cl:min', clip(Math.min(...polarity)));
  add('cl:last', clip(last));
  add(`cl:first${sign(first)}`, 1);
  add(`cl:last${sign(last)}`, 1);
  let seenPos = false;
  let seenNeg = false;
  let posThenNeg = false;
  let negThenPos = false;
  for (const p of polarity) {
    if (p > 0) {
      if (seenNeg) negThenPos = true;
      seenPos = true;
    } else if (p < 0) {
      if (seenPos) posThenNeg = true;
      seenNeg = true;
    }
  }
  if (!(seenPos && seenNeg)) return;
  add('cl:pos&neg', 1);
  if (posThenNeg) add(staffCount > 0 ? 'cl:pos-then-neg&staff' : 'cl:pos-then-neg', 1);
  if (negThenPos) add(recovery ? 'cl:neg-then-pos&rec' : 'cl:neg-then-pos', 1);
  if (last < 0) add(staffCount > 0 ? 'cl:ends-neg&staff' : 'cl:ends-neg', 1);
}
