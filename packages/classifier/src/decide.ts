import type { Classification } from '@goodchatter/core';
import type { Analysis } from './analyse.js';
import { IRONY_EMOJI } from './care-lexicon.js';
import type { Thresholds } from './model.js';
import type { CueHit } from './signals.js';

type Scored = Pick<Classification, 'label' | 'score' | 'confidence' | 'reasons'>;

/** P(complaint) above which a post that names praised staff is `mixed`, not praise. */
const MIXED_COMPLAINT = 0.4;
/** Both sides at least this likely: the post praises and complains at once. */
const MIXED_BOTH = 0.3;

const EYE_ROLLS: ReadonlySet<string> = new Set(IRONY_EMOJI);
/** An eye-roll in a post that says the problem was put right: about the event, not the thanks. */
const eyeRollAtRepair = (a: Analysis, h: CueHit) => EYE_ROLLS.has(h.phrase) && a.events.recovery > 0;

/** Lexicon phrases are stored tokenised ("great . just great"); show them as written. */
const pretty = (phrase: string) => phrase.replace(/ ([.,!?])/g, '$1');

/** Readable evidence, strongest kinds first; shown to the care team with the label. */
export function reasonsFor(a: Analysis): string[] {
  const s = a.signals;
  const out: string[] = [];
  for (const h of s.hits)
    if (h.kind === 'sarcasm' && !eyeRollAtRepair(a, h)) out.push(`sarcasm cue '${pretty(h.phrase)}'`);
  if (s.irony !== undefined) {
    out.push(`sarcasm cue '${s.irony}' ${s.duration === undefined ? 'next to a complaint' : 'after a delay'}`);
  }
  if (s.scareQuote !== undefined) out.push(`sarcasm cue: scare quotes around '${s.scareQuote}'`);
  for (const h of s.hits) if (h.kind === 'praise') out.push(`praise phrase '${pretty(h.phrase)}'`);
  for (const h of s.hits) if (h.kind === 'complaint') out.push(`complaint phrase '${pretty(h.phrase)}'`);
  for (const p of s.negatedPraise) out.push(`negated praise '${p}'`);
  if (s.duration !== undefined) out.push(`${s.duration.endsWith('times') ? 'repeat' : 'wait'} '${s.duration}'`);
  for (const h of s.hits) if (h.kind === 'request') out.push(`request '${pretty(h.phrase)}'`);
  for (const name of a.staff) out.push(`kudos for ${name}`);
  if (a.brandMentions > 0) out.push('brand name neutralised');
  const lex = a.lexicon.score;
  if (lex !== 0) out.push(`lexicon score ${lex > 0 ? '+' : ''}${lex}`);
  return out;
}

/** Whether sarcasm vetoes praise in this post (its praise mass is read as complaint). */
export function isSarcastic(a: Analysis): boolean {
  // Irony and scare quotes are inferred cues: next to a repair they are about the event
  // ('tracking said "delivered" … Luis found it'), not the thanks, and the model's own
  // features weigh them. Sarcasm phrases ("thanks for nothing") flip regardless.
  // An eye-roll emoji is the same: "bag went to Dublin 🙃 but Aoife couriered it" rolls its
  // eyes at the event, so it only vetoes praise when nothing was put right.
  const inferredIrony = a.signals.irony !== undefined || a.signals.scareQuote !== undefined;
  const sarcasmPhrase = a.signals.hits.some((h) => h.kind === 'sarcasm' && !eyeRollAtRepair(a, h));
  return sarcasmPhrase || (inferredIrony && a.events.recovery === 0);
}

/**
 * Turns calibrated probabilities into a label, precision first: praise needs P(praise) at
 * the praise threshold and no sarcasm; anything unsure falls to neutral, never to praise.
 * p is indexed like CLASSES: [complaint, neutral, praise].
 */
export function decide(p: Float64Array, a: Analysis, thresholds: Thresholds): { scored: Scored; sarcastic: boolean } {
  const repaired = a.events.recovery > 0;
  const sarcastic = isSarcastic(a);
  // Irony flips polarity: the praise mass of a sarcastic post ("Great. Just great.") is
  // complaint mass. The model alone cannot learn this from a handful of examples.
  const pComplaint = (p[0] as number) + (sarcastic ? (p[2] as number) : 0);
  const pNeutral = p[1] as number;
  const pPraise = sarcastic ? 0 : (p[2] as number);
  const score = pPraise - pComplaint;
  const reasons = reasonsFor(a);
  if (sarcastic && (p[2] as number) >= MIXED_BOTH) reasons.push('praise words read as sarcasm');
  const out = (label: Scored['label'], confidence: number) => ({
    scored: { label, score, confidence, reasons },
    sarcastic,
  });

  // Staff named with praise in a post that is mostly a complaint, or ends on one ("thanks
  // Ana, but I had to chat 3 times"). Sarcastic thanks are no kudos, so no mixed either.
  const mostlyComplaint = pComplaint >= MIXED_COMPLAINT && pComplaint >= (p[2] as number);
  // A repaired problem with a named rep is recovery praise, not blame ("the outage was painful
  // but Luis stayed until it worked"): only the model's complaint evidence can make it mixed.
  const fixedByStaff = repaired && (p[2] as number) >= (p[0] as number);
  if (a.staff.length > 0 && !sarcastic && ((!fixedByStaff && mostlyComplaint) || a.signals.afterContrast < 0)) {
    // Mixed means "not neutral, and both sides": its confidence is P(not neutral).
    reasons.push('staff praised, company blamed');
    return out('mixed', 1 - pNeutral);
  }
  if (pPraise >= thresholds.praise) return out('praise', pPraise);
  const both = pPraise >= MIXED_BOTH && pComplaint >= MIXED_BOTH;
  const complaintCue = a.signals.negatedPraise.length > 0 || a.signals.hits.some((h) => h.kind === 'complaint');
  // "Delayed, but the crew were fantastic": praise after the contrast makes it mixed.
  if (a.signals.afterContrast > 0 && pPraise >= MIXED_BOTH && (pComplaint >= MIXED_BOTH || complaintCue)) {
    reasons.push('praise after "but"');
    return out('mixed', 1 - pNeutral);
  }
  if (pComplaint >= thresholds.complaint) return out('complaint', pComplaint);
  if (both) {
    // "I like the app but it keeps crashing": the clause after "but" is what the post is about.
    if (a.signals.afterContrast < 0) {
      reasons.push('complaint after "but"');
      return out('complaint', pComplaint);
    }
    // Without a contrast, mixed needs explicit evidence on both sides, not two middling scores.
    const kinds = new Set(a.signals.hits.map((h) => h.kind));
    if (kinds.has('praise') && kinds.has('complaint')) return out('mixed', 1 - pNeutral);
  }
  return out('neutral', pNeutral);
}
