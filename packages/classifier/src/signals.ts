import { BRAND_TOKEN } from './brand.js';
import { CUES, type CueKind, DURATION_UNITS, IRONY_WORDS } from './care-lexicon.js';
import { wordScore } from './lexicon-score.js';
import type { Token } from './tokenise.js';

export interface CueHit {
  kind: CueKind;
  phrase: string;
}

/** Care-specific evidence found in one text; each item becomes a feature and a reason. */
export interface Signals {
  hits: CueHit[];
  /** Praise phrases inside a negation scope ("not very helpful"): complaint evidence. */
  negatedPraise: string[];
  /** A wait written as a number and a unit ("45 mins"). */
  duration: string | undefined;
  /** A positive word used next to a complaint or a wait ("Great, 3 hours on hold"). */
  irony: string | undefined;
  question: boolean;
  exclaim: boolean;
  /** AFINN sum of the words after the last "but"/"however": the clause that counts. */
  afterContrast: number;
  /** Words in scare quotes next to thanks or praise ('thanks for the "loyalty discount"'). */
  scareQuote: string | undefined;
}

// A short span in straight or curly double quotes.
const QUOTED = /["“]([^"”\n]{2,40})["”]/g;

function findScareQuote(text: string, thanked: boolean): string | undefined {
  if (!thanked || !(text.includes('"') || text.includes('“'))) return undefined;
  for (const m of text.matchAll(QUOTED)) {
    const span = (m[1] as string).trim();
    // Titles are quoted too ("Pieces", "Michael Moore in Trumpland"); scare-quoted care terms
    // are short and lower case ("unlimited", "loyalty discount").
    if (span.split(/\s+/).length <= 5 && /^\p{Ll}/u.test(span)) return span;
  }
  return undefined;
}

const THANKING = new Set(['thanks', 'thank', 'thx', 'ty', 'appreciate', 'cheers']);

const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet']);
const UNIT_SUFFIX = /^\d+(?:\.\d+)?(m|min|mins|minutes|h|hr|hrs|hours|days)$/;

function matchCue(tokens: readonly Token[], i: number): { kind: CueKind; phrase: string; len: number } | undefined {
  const first = tokens[i];
  const cues = first === undefined ? undefined : CUES.get(first.norm);
  if (cues === undefined) return undefined;
  for (const cue of cues) {
    let ok = true;
    for (let k = 1; k < cue.parts.length && ok; k++) ok = tokens[i + k]?.norm === cue.parts[k];
    if (ok) return { kind: cue.kind, phrase: cue.phrase, len: cue.parts.length };
  }
  return undefined;
}

/** 30+ minutes, any hours or days, three or more times: too long to be a boast. */
export function isLongWait(duration: string): boolean {
  const n = Number.parseFloat(duration);
  const unit = duration.replace(/^[\d.,:/\s]+/, '').toLowerCase();
  if (unit === 'm' || unit.startsWith('min')) return n >= 30;
  if (unit.startsWith('time')) return n >= 3;
  return unit !== '';
}

function durationAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (t?.kind !== 'number') return undefined;
  if (UNIT_SUFFIX.test(t.norm)) return t.raw;
  const next = tokens[i + 1];
  return next !== undefined && DURATION_UNITS.has(next.norm) ? `${t.raw} ${next.raw}` : undefined;
}

/**
 * `repaired`: the post says the problem was put right, so praise next to it is sincere.
 * `hasEvent`: the post names a negative event (events.ts); a short wait without one is no
 * complaint ("landed 20 min early. very nice").
 */
export function findSignals(all: readonly Token[], text = '', repaired = false, hasEvent = true): Signals {
  // Handles, links and the brand sit inside phrases ("thanks for the reply @acme but…") without
  // being part of them, so phrases are matched on the remaining tokens.
  const tokens = all.filter((t) => t.kind !== 'handle' && t.kind !== 'url' && t.norm !== BRAND_TOKEN);
  const hits: CueHit[] = [];
  const hitAt: number[] = [];
  const negatedPraise: string[] = [];
  let duration: string | undefined;
  let ironyWord: string | undefined;
  let question = false;
  let exclaim = false;
  let contrastAt = -1;
  let ironicCue: string | undefined;
  let durationIndex = -1;
  let ironyIndex = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (t.norm === '?') question = true;
      else if (t.norm === '!') exclaim = true;
    }
    if (CONTRAST.has(t.norm)) contrastAt = i;
    if (ironyWord === undefined && !t.negated && IRONY_WORDS.has(t.norm)) {
      ironyWord = t.raw;
      ironyIndex = i;
    }
    if (duration === undefined) {
      duration = durationAt(tokens, i);
      if (duration !== undefined) durationIndex = i;
    }
    const cue = matchCue(tokens, i);
    if (cue === undefined) continue;
    if (cue.kind === 'ironic') ironicCue ??= cue.phrase;
    if (t.negated && cue.kind === 'praise') negatedPraise.push(cue.phrase);
    else if (!(t.negated && cue.kind === 'complaint')) {
      hits.push({ kind: cue.kind, phrase: cue.phrase });
      hitAt.push(i);
    }
    i += cue.len - 1;
  }
  let afterContrast = 0;
  if (contrastAt >= 0) {
    for (let i = contrastAt + 1; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const s = wordScore(t.norm);
      afterContrast += t.negated ? -s : s;
    }
    // Care phrases count too: "I like the app but it keeps crashing" has no AFINN word after "but".
    hits.forEach((h, k) => {
      if ((hitAt[k] as number) < contrastAt) return;
      if (h.kind === 'complaint') afterContrast -= 2;
      else if (h.kind === 'praise') afterContrast += 2;
    });
    // "…but I had to chat 3 times": a long wait after the contrast is the complaint.
    if (duration !== undefined && durationIndex > contrastAt && isLongWait(duration)) afterContrast -= 2;
  }
  // A bare wait is weak evidence ("fixed in 5 mins" is praise); a complaint phrase is not, so
  // "what amazing service... 2 hours on hold" is ironic even though "amazing service" matched.
  const complaintPhrase = negatedPraise.length > 0 || hits.some((h) => h.kind === 'complaint');
  const praising = hits.some((h) => h.kind === 'praise');
  const complaining = complaintPhrase || (duration !== undefined && (isLongWait(duration) || (!praising && hasEvent)));
  // "Delayed, but the crew were fantastic" is sincere: praise after the contrast is no irony;
  // so is "Maria was great but the company is a joke": praise before it, complaint after.
  const sincere = contrastAt >= 0 && (afterContrast > 0 || (ironyIndex >= 0 && ironyIndex < contrastAt));
  const irony = complaining && !sincere && !repaired ? (ironicCue ?? ironyWord) : undefined;
  // Scare quotes read as irony only next to thanks or praise: titles in quotes are common.
  const thanked = praising || ironyWord !== undefined || tokens.some((t) => THANKING.has(t.norm));
  const scareQuote = findScareQuote(text, thanked);
  return { hits, negatedPraise, duration, irony, question, exclaim, afterContrast, scareQuote };
}
