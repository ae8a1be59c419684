import { BRAND_TOKEN } from './brand.js';
import { EVENTS, type EventKind, PRAISE_WORDS, RECOVERY } from './event-lexicon.js';
import type { Token } from './tokenise.js';

interface Phrase {
  parts: string[];
  kind: EventKind | 'recovery';
}

/** Index by first token, longest phrase first (as care-lexicon.ts does). */
const BY_FIRST = (() => {
  const map = new Map<string, Phrase[]>();
  const add = (kind: Phrase['kind'], list: string[]) => {
    for (const p of list) {
      const parts = p.split(' ');
      const list2 = map.get(parts[0] as string) ?? [];
      list2.push({ parts, kind });
      map.set(parts[0] as string, list2);
    }
  };
  for (const [kind, list] of Object.entries(EVENTS)) add(kind as EventKind, list);
  add('recovery', RECOVERY);
  for (const l of map.values()) l.sort((a, b) => b.parts.length - a.parts.length);
  return map;
})();

/** What the sarcasm and recovery crosses are built from. Indices are into the content tokens. */
export interface EventSignals {
  /** Negative events found, in order. */
  events: EventKind[];
  /** Index of the first event, -1 when none. */
  firstEventAt: number;
  /** Where each event and each repair starts (content-token indices), for clause polarity. */
  eventAt: number[];
  recoveryAt: number[];
  /** The problem put right ("sorted it on the spot", "stayed until it worked"). */
  recovery: number;
  /** Index of the first praise word, -1 when none. */
  firstPraiseAt: number;
  praiseWords: number;
  /** "thanks for the 6 hour delay": thanks whose object is an event. */
  thanksForEvent: boolean;
  /** An ellipsis ("…", "...") in a post with praise words. */
  ellipsis: boolean;
  /** A praise word alone in its own short sentence ("Perfect. Just perfect."). */
  curtPraise: boolean;
  /** "10/10 would … again", "would recommend … again". */
  wouldAgain: boolean;
  /** "as always", "as usual", "once again", "yet again". */
  asAlways: boolean;
  /** "thanks in advance", "would appreciate", "grateful if": courtesy before a request. */
  politeAsk: boolean;
  /** "still" before an event or a negation ("still crashes", "still not fixed"). */
  still: boolean;
  /** 5 stars / five stars / 10/10. */
  rating: boolean;
}

const THANKS = new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'tysm']);
const ALWAYS = ['as always', 'as usual', 'once again', 'yet again', 'like always', 'every single time'];
const POLITE = [
  'thanks in advance',
  'thank you in advance',
  'thx in advance',
  'tia',
  'would appreciate',
  'would really appreciate',
  'would be grateful',
  'grateful if',
  'appreciate it if',
  'appreciate if',
  'appreciate any help',
  'be appreciated',
  'many thanks in advance',
];

function matchAt(tokens: readonly Token[], i: number): Phrase | undefined {
  const cands = BY_FIRST.get((tokens[i] as Token).norm);
  if (cands === undefined) return undefined;
  for (const c of cands) {
    let ok = true;
    for (let k = 1; k < c.parts.length && ok; k++) ok = tokens[i + k]?.norm === c.parts[k];
    if (ok) return c;
  }
  return undefined;
}

function hasPhrase(joined: string, list: readonly string[]): boolean {
  for (const p of list) if (joined.includes(` ${p} `)) return true;
  return false;
}

export function findEvents(all: readonly Token[], text: string): EventSignals {
  const tokens = all.filter((t) => t.kind !== 'handle' && t.kind !== 'url' && t.norm !== BRAND_TOKEN);
  const events: EventKind[] = [];
  let firstEventAt = -1;
  const eventAt: number[] = [];
  const recoveryAt: number[] = [];
  let recovery = 0;
  let firstPraiseAt = -1;
  let praiseWords = 0;
  let thanksForEvent = false;
  let curtPraise = false;
  let still = false;
  let rating = false;
  let lastThanksAt = -10;
  let sentenceStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      // A sentence of one or two words that is a praise word: "Perfect." "Just perfect."
      const len = i - sentenceStart;
      if (len > 0 && len <= 2 && t.norm !== ',' && PRAISE_WORDS.has((tokens[i - 1] as Token).norm)) curtPraise = true;
      if (t.norm !== ',') sentenceStart = i + 1;
      continue;
    }
    if (!t.negated && PRAISE_WORDS.has(t.norm)) {
      praiseWords++;
      if (firstPraiseAt < 0) firstPraiseAt = i;
      if (THANKS.has(t.norm)) lastThanksAt = i;
    }
    if (t.norm === 'stars' && (tokens[i - 1]?.norm === '5' || tokens[i - 1]?.norm === 'five')) rating = true;
    if (t.norm === '10/10' || t.norm === '11/10') rating = true;
    if (t.norm === 'still' && i + 1 < tokens.length) {
      const next = tokens[i + 1] as Token;
      if (next.norm === 'not' || next.norm === 'no' || next.norm.endsWith("n't") || BY_FIRST.has(next.norm))
        still = true;
    }
    const m = matchAt(tokens, i);
    if (m === undefined || t.negated) continue;
    if (m.kind === 'recovery') {
      recovery++;
      recoveryAt.push(i);
    } else {
      events.push(m.kind);
      eventAt.push(i);
      if (firstEventAt < 0) firstEventAt = i;
      // "thanks for the 6 hour delay", "thank you so much for losing my bag": the thanked thing is an event.
      if (i - lastThanksAt <= 7) thanksForEvent = true;
    }
    i += m.parts.length - 1;
  }
  const joined = ` ${tokens.map((t) => t.norm).join(' ')} `;
  const wouldAgain =
    (joined.includes(' would ') || joined.includes(' will ')) && / (again|recommend)[ !.]/.test(joined) && rating;
  return {
    events,
    firstEventAt,
    eventAt,
    recoveryAt,
    recovery,
    firstPraiseAt,
    praiseWords,
    thanksForEvent,
    ellipsis: praiseWords > 0 && (text.includes('...') || text.includes('…')),
    curtPraise,
    wouldAgain,
    asAlways: hasPhrase(joined, ALWAYS),
    politeAsk: hasPhrase(joined, POLITE),
    still,
    rating,
  };
}

/**
 * Named features for the model: the events and their crosses with praise cues. These let a
 * linear model say "praise words about a bad event with no repair" is complaint evidence
 * while each word alone keeps its ordinary weight.
 */
export function eventFeatures(e: EventSignals, staffCount: number, add: (name: string, v: number) => void): void {
  const hasEvent = e.events.length > 0;
  const praise = e.praiseWords > 0 || e.rating;
  const rec = e.recovery > 0;
  for (const k of new Set(e.events)) add(`ev:${k}`, 1);
  add('ev:any', hasEvent ? 1 : 0);
  add('ev:many', e.events.length >= 3 ? 1 : 0);
  add('rec:any', rec ? 1 : 0);
  add('x:still', e.still ? 1 : 0);
  add('x:polite-ask', e.politeAsk ? 1 : 0);
  add('x:as-always', e.asAlways ? 1 : 0);
  add('x:rating', e.rating ? 1 : 0);
  add('x:curt-praise', e.curtPraise ? 1 : 0);
  add('x:ellipsis-praise', e.ellipsis ? 1 : 0);
  add('x:would-again', e.wouldAgain ? 1 : 0);
  if (!hasEvent) return;
  add('x:thanks-for-event', e.thanksForEvent ? 1 : 0);
  if (praise) {
    add(rec ? 'x:praise&event&rec' : 'x:praise&event&norec', 1);
    add(e.firstPraiseAt < e.firstEventAt ? 'x:praise-then-event' : 'x:event-then-praise', 1);
    if (e.rating) add(rec ? 'x:rating&event&rec' : 'x:rating&event&norec', 1);
    if (e.curtPraise) add('x:curt-praise&event', 1);
    if (e.asAlways) add('x:as-always&praise&event', 1);
    if (e.ellipsis) add('x:ellipsis&praise&event', 1);
    if (e.still) add('x:still&praise&event', 1);
  }
  if (staffCount > 0) add(rec ? 'x:staff&event&rec' : 'x:staff&event&norec', 1);
  if (e.politeAsk) add('x:polite-ask&event', 1);
}
