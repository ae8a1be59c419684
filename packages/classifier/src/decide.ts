import type { Classification } from '@goodchatter/core';
import type { Analysis } from './analyse.js';
import type { Thresholds } from './model.js';

type Scored = Pick<Classification, 'label' | 'score' | 'confidence' | 'reasons'>;

/** P(complaint) above which a post that names praised staff is `mixed`, not praise. */
const MIXED_COMPLAINT = 0.4;
/** Both sides at least this likely: the post praises and complains at once. */
const MIXED_BOTH = 0.3;
/** After a praise veto, the complaint bar is lowered to this: sarcasm is a complaint. */
const VETOED_COMPLAINT = 0.3;

/** Readable evidence, strongest kinds first; shown to the care team with the label. */
export function reasonsFor(a: Analysis): string[] {
  const s = a.signals;
  const out: string[] = [];
  for (const h of s.hits) if (h.kind === 'sarcasm') out.push(`sarcasm cue '${h.phrase}'`);
  if (s.irony !== undefined) {
    out.push(`sarcasm cue '${s.irony}' ${s.duration === undefined ? 'next to a complaint' : 'after a delay'}`);
  }
  for (const h of s.hits) if (h.kind === 'praise') out.push(`praise phrase '${h.phrase}'`);
  for (const h of s.hits) if (h.kind === 'complaint') out.push(`complaint phrase '${h.phrase}'`);
  for (const p of s.negatedPraise) out.push(`negated praise '${p}'`);
  if (s.duration !== undefined) out.push(`wait '${s.duration}'`);
  for (const h of s.hits) if (h.kind === 'request') out.push(`request '${h.phrase}'`);
  for (const name of a.staff) out.push(`kudos for ${name}`);
  if (a.brandMentions > 0) out.push('brand name neutralised');
  const lex = a.lexicon.score;
  if (lex !== 0) out.push(`lexicon score ${lex > 0 ? '+' : ''}${lex}`);
  return out;
}

/**
 * Turns calibrated probabilities into a label, precision first: praise needs P(praise) at
 * the praise threshold and no sarcasm; anything unsure falls to neutral, never to praise.
 * p is indexed like CLASSES: [complaint, neutral, praise].
 */
export function decide(p: Float64Array, a: Analysis, thresholds: Thresholds): { scored: Scored; sarcastic: boolean } {
  const pComplaint = p[0] as number;
  const pNeutral = p[1] as number;
  const pPraise = p[2] as number;
  const score = pPraise - pComplaint;
  const reasons = reasonsFor(a);
  const sarcastic = a.signals.irony !== undefined || a.signals.hits.some((h) => h.kind === 'sarcasm');
  const out = (label: Scored['label'], confidence: number) => ({
    scored: { label, score, confidence, reasons },
    sarcastic,
  });

  if (a.staff.length > 0 && pComplaint >= MIXED_COMPLAINT) {
    reasons.push('staff praised, company blamed');
    return out('mixed', Math.min(pComplaint, 1 - pNeutral));
  }
  if (pPraise >= thresholds.praise) {
    if (!sarcastic) return out('praise', pPraise);
    reasons.push('praise vetoed: sarcasm');
    if (pComplaint >= VETOED_COMPLAINT) return out('complaint', pComplaint);
    return out('neutral', Math.max(pNeutral, pComplaint));
  }
  if (pComplaint >= thresholds.complaint || (sarcastic && pComplaint >= VETOED_COMPLAINT)) {
    return out('complaint', pComplaint);
  }
  if (pPraise >= MIXED_BOTH && pComplaint >= MIXED_BOTH) return out('mixed', Math.min(pPraise, pComplaint) * 2);
  return out('neutral', pNeutral);
}
