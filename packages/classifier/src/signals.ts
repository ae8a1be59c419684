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
}

const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet']);
const UNIT_SUFFIX = /^\d+(?:\.\d+)?(m|min|mins|h|hr|hrs)$/;

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

function durationAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (t?.kind !== 'number') return undefined;
  if (UNIT_SUFFIX.test(t.norm)) return t.raw;
  const next = tokens[i + 1];
  return next !== undefined && DURATION_UNITS.has(next.norm) ? `${t.raw} ${next.raw}` : undefined;
}

export function findSignals(tokens: readonly Token[]): Signals {
  const hits: CueHit[] = [];
  const negatedPraise: string[] = [];
  let duration: string | undefined;
  let ironyWord: string | undefined;
  let question = false;
  let exclaim = false;
  let contrastAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (t.norm === '?') question = true;
      else if (t.norm === '!') exclaim = true;
    }
    if (CONTRAST.has(t.norm)) contrastAt = i;
    if (ironyWord === undefined && !t.negated && IRONY_WORDS.has(t.norm)) ironyWord = t.norm;
    duration ??= durationAt(tokens, i);
    const cue = matchCue(tokens, i);
    if (cue === undefined) continue;
    if (t.negated && cue.kind === 'praise') negatedPraise.push(cue.phrase);
    else if (!(t.negated && cue.kind === 'complaint')) hits.push({ kind: cue.kind, phrase: cue.phrase });
    i += cue.len - 1;
  }
  let afterContrast = 0;
  if (contrastAt >= 0) {
    for (let i = contrastAt + 1; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const s = wordScore(t.norm);
      afterContrast += t.negated ? -s : s;
    }
  }
  const complaining = duration !== undefined || negatedPraise.length > 0 || hits.some((h) => h.kind === 'complaint');
  const praising = hits.some((h) => h.kind === 'praise');
  const irony = ironyWord !== undefined && complaining && !praising ? ironyWord : undefined;
  return { hits, negatedPraise, duration, irony, question, exclaim, afterContrast };
}
