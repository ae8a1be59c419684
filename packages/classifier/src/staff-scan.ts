// Staff extraction's view of one post (the Scan) and the recognition of names in it: which
// words are names, which are the brand's, and where a group of names starts and ends.
import { BRAND_TOKEN } from './brand.js';
import { type BrandNames, brandKeys, brandWords, isBrandHandle } from './brand-handles.js';
import { ENGLISH, ENGLISH_SHARED } from './function-words.js';
import { isLexiconWord } from './lexicon-score.js';
import { HONORIFICS, JOBS, NOT_NAMES, SENTENCE_WORDS, SUFFIX_NAMES, TITLES, WORD_NAMES } from './staff-words.js';
import type { Token } from './tokenise.js';

// "Maria", and names with an inner capital after a known prefix: "DeShawn", "LaToya", "McKenzie",
// "O'Brien" ("AirPods", "DashwickCare" are products and brands).
const NAME_RE = /^(?:\p{Lu}[\p{Ll}']+|(?:Mc|Mac|De|Da|Di|Du|La|Le|Van|Von|O'|D')\p{Lu}[\p{Ll}']*\p{Ll})$/u;
const CONTRACTION = /'(?:ve|re|ll|d|s|m|t)$/;
// Word endings of verbs, adverbs and abstract nouns: "Waiting", "Landed", "Honestly", "Information";
// "-ly" only after the endings of adverbs ("Luckily"), as "Vasily", "Kelly" and "Emily" are names.
const WORD_ENDING =
  /(?:..ed|...ing|(?:al|ful|ous|ent|ant|ive|ed|ing|ib|ab|st|ck|e|ppi|cki|adi|avi|rri|ari)ly|tion|sion|ness|ment|ful|less|ous|able|ible|...ers|ies|.ism)$/;

/** "They've", "Is", "Has", "Like": capitalised English words, not names ("Will" is a name). */
export const isCommonWord = (w: string) =>
  CONTRACTION.test(w) || ENGLISH.has(w) || (ENGLISH_SHARED.has(w) && w !== 'will');

/**
 * Where a capitalised word may as well be an ordinary word (first in its sentence, then a verb
 * or "at <place>"), is it a name? Not a sentence word ("Waiting", "Reception", "Mum"), not a
 * sentiment word ("Brilliant") and not shaped like a verb or adverb ("Landed", "Honestly").
 */
export function plausibleName(norm: string): boolean {
  if (SENTENCE_WORDS.has(norm) || TITLES.has(norm) || HONORIFICS.has(norm) || JOBS.has(norm)) return false;
  if (isLexiconWord(norm) && !WORD_NAMES.has(norm)) return false;
  return !WORD_ENDING.test(norm) || SUFFIX_NAMES.has(norm) || WORD_NAMES.has(norm);
}

/** One text's view: its tokens, the brand's handle keys and names joined by "&". */
export interface Scan {
  tokens: readonly Token[];
  /** The brand's handle keys, worked out on the first handle (most posts have none to check). */
  keys: () => readonly string[];
  /** The brand's words, flattened: "Pennock & Hale" is never neutralised whole, so "Hale" is no one. */
  words: () => readonly string[];
  /** Whether the handle at an index is a person (true) or the brand's (false), once checked. */
  handles: Map<number, boolean>;
  /** "Fatima\u0000Joe" for "Fatima & Joe": the tokeniser drops "&", so the text tells. */
  ampPairs: () => ReadonlySet<string>;
  /** Names written in brackets right after a job: "tech (Keisha)". */
  parenNames: () => ReadonlySet<string>;
  /** The decoded text, for hyphenated names the tokeniser splits ("Hyun-woo"). */
  text: string;
  /**
   * Does the post name the brand (its name, a word of it, one of its handles)? Asked only of a
   * bare "Name did X": news says the same of public figures ("Putin called…", "Hitchcock is a
   * great director").
   */
  brandNamed: () => boolean;
}

/** Any word of the brand's name, or one of its handles, anywhere in the post. */
function brandNamed(s: Scan): boolean {
  for (let i = 0; i < s.tokens.length; i++) if (isBrandish(s, i) || isStaffHandle(s, i)) return true;
  return false;
}

export const norm = (s: Scan, i: number) => s.tokens[i]?.norm ?? '';

const UPPER_START = /^\p{Lu}/u;

/** Called for most tokens of every post: ASCII answers without the regex. */
function startsUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(raw);
}

/** "Hale" of "Pennock & Hale", "Fitmoor's" of "Fitmoor": a word of the brand's name. */
export function isBrandWord(s: Scan, i: number): boolean {
  const t = s.tokens[i];
  if (t === undefined || t.kind !== 'word') return false;
  if (t.norm === BRAND_TOKEN) return true;
  const w = t.norm.endsWith("'s") ? t.norm.slice(0, -2) : t.norm;
  if (s.words().includes(w)) return true;
  // "NimblySupport", "DashwickCare": the brand's handle written without the "@".
  return hasInnerCapital(t.raw) && isBrandHandle(t.raw, s.keys(), s.words());
}

const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;

/** Asked of every word when looking for the brand: ASCII answers without the regex. */
function hasInnerCapital(raw: string): boolean {
  for (let i = 1; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return INNER_CAPITAL.test(raw);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** "@kai_at_orbit", "@ovalcoin_marcus": a person's handle at the brand, so one of its staff. */
export function isStaffHandle(s: Scan, i: number): boolean {
  const t = s.tokens[i];
  if (t === undefined || t.kind !== 'handle' || !isPersonHandle(s, i)) return false;
  const h = t.norm.replace(/[^\p{L}\p{N}]+/gu, '');
  return s.keys().some((key) => key.length >= 4 && h.includes(key));
}

export const isBrandish = (s: Scan, i: number) =>
  isBrandWord(s, i) || (s.tokens[i]?.kind === 'handle' && !isPersonHandle(s, i));

function isPersonHandle(s: Scan, i: number): boolean {
  const t = s.tokens[i] as Token;
  let known = s.handles.get(i);
  if (known === undefined) {
    known = !isBrandHandle(t.raw, s.keys(), s.words());
    s.handles.set(i, known);
  }
  return known;
}

export function nameAt(s: Scan, i: number): string | undefined {
  const t = s.tokens[i];
  if (t === undefined || t.norm === BRAND_TOKEN) return undefined;
  if (t.kind === 'handle') return isPersonHandle(s, i) ? t.raw : undefined;
  if (
    t.kind === 'word' &&
    startsUpper(t.raw) &&
    NAME_RE.test(t.raw) &&
    !NOT_NAMES.has(t.norm) &&
    !TITLES.has(t.norm) &&
    !HONORIFICS.has(t.norm) &&
    !isCommonWord(t.norm)
  ) {
    return isBrandWord(s, i) ? undefined : t.raw;
  }
  return undefined;
}

export const isShout = (s: Scan, i: number) => {
  const raw = s.tokens[i]?.raw ?? '';
  return raw.length > 1 && raw === raw.toUpperCase();
};

const isWordName = (s: Scan, i: number) => s.tokens[i]?.kind === 'word' && nameAt(s, i) !== undefined;

export const isCapitalised = (s: Scan, i: number) => {
  const t = s.tokens[i];
  return t !== undefined && t.kind === 'word' && startsUpper(t.raw);
};

export interface Group {
  names: string[];
  /** Index of each name's first token. */
  at: number[];
  end: number;
}

/**
 * "Hyun-woo", "Kerry-Ann": the tokeniser splits at the hyphen; the text says whether the next
 * token was joined to this one. Returns the name and how many tokens it took.
 */
function hyphenated(s: Scan, i: number, name: string): { name: string; width: number } {
  const next = s.tokens[i + 1];
  if (next === undefined || next.kind !== 'word' || HONORIFICS.has(next.norm) || !s.text.includes('-')) {
    return { name, width: 1 };
  }
  const joined = `${name}-${next.raw}`;
  return s.text.includes(joined) ? { name: joined, width: 2 } : { name, width: 1 };
}

/**
 * The names starting at i, joined by ",", "and" or "&" ("Fatima, Joe and Ana"); a second
 * capitalised word right after a first name is a surname, not another person. Returns the
 * names and the index after the group.
 */
export function groupAt(s: Scan, i: number): Group {
  const first = nameAt(s, i);
  if (first === undefined) return { names: [], at: [], end: i };
  const h = hyphenated(s, i, first);
  const names = [h.name];
  const at = [i];
  let j = i + h.width - 1;
  let surname = false;
  for (;;) {
    const cur = s.tokens[j] as Token;
    const next = nameAt(s, j + 1);
    if (next !== undefined && s.ampPairs().has(`${cur.raw}\u0000${next}`)) {
      const n = hyphenated(s, j + 1, next);
      names.push(n.name);
      at.push(j + 1);
      j += n.width;
      surname = false;
      continue;
    }
    if (!surname && cur.kind === 'word' && isWordName(s, j + 1)) {
      j += hyphenated(s, j + 1, '').width;
      surname = true;
      continue;
    }
    if (isJoiner(s, j + 1)) {
      let k = j + 2;
      if (norm(s, j + 1) === ',' && norm(s, k) === 'and') k++;
      const name = nameAt(s, k);
      if (name !== undefined) {
        const n = hyphenated(s, k, name);
        names.push(n.name);
        at.push(k);
        j = k + n.width - 1;
        surname = false;
        continue;
      }
    }
    return { names, at, end: j + 1 };
  }
}

function isJoiner(s: Scan, i: number): boolean {
  const n = norm(s, i);
  return n === ',' || n === 'and';
}

/** Past "Mr", "Dr." and the like: "conductor Mr. Abernathy", "thanks Dr Rao". */
export function skipTitle(s: Scan, i: number): number {
  if (!TITLES.has(norm(s, i))) return i;
  const at = norm(s, i + 1) === '.' ? i + 2 : i + 1;
  return nameAt(s, at) !== undefined ? at : i;
}

export const isLower = (s: Scan, i: number) => !startsUpper(s.tokens[i]?.raw ?? '');
export const sentenceStart = (s: Scan, i: number) => {
  if (i === 0) return true;
  const p = norm(s, i - 1);
  return p === '.' || p === '!' || p === '?' || p === ':';
};

/** Capitalised words right after "(": "tech (Keisha)", "guy (Omar?)". The tokeniser drops brackets. */
function parenNamesOf(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('(')) return out;
  for (const m of text.matchAll(/\(\s*(@?[\p{L}\p{N}_']+)/gu)) out.add(m[1] as string);
  return out;
}

function ampPairsOf(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('&') && !text.includes('+')) return out;
  for (const m of text.matchAll(/(@?[\p{L}\p{N}_']+)\s*[&+]\s*(?=(@?[\p{L}\p{N}_']+))/gu)) {
    out.add(`${m[1]}\u0000${m[2]}`);
  }
  return out;
}

// Before a name, these make it a place or a thing: "at Brighton", "the Hilton", "on Mill Road".
const NOT_BEFORE_PERSON = new Set(
  'the a an at in on from of into onto near via across around outside inside towards toward than'.split(' '),
);
// "spoke to Amir" is a person; "flew to Lagos", "a route to Lagos" are places.
const TALK_VERBS = new Set('spoke speak speaking spoken talked talk talking chatted chatting through'.split(' '));

/**
 * Can a person's name start at i? Not after "at", "the" (a place, a thing), a number ("5th
 * Ave"), the brand ("@QuaysideInns Leeds"), nor inside a run of capitalised words that did not
 * start a sentence ("Velvet Row Brighton", "Fort William").
 */
export function mayStartName(s: Scan, i: number): boolean {
  if (i === 0) return true;
  const prev = s.tokens[i - 1] as Token;
  if (NOT_BEFORE_PERSON.has(prev.norm) || prev.kind === 'number') return false;
  if (prev.norm === 'to') return TALK_VERBS.has(norm(s, i - 2));
  // "@AcmeHelp Arjun on chat helped": the brand addressed first; "at @OstaraSuites Vienna": a place.
  if (prev.kind === 'handle') return isPersonHandle(s, i - 1) || i === 1 || s.tokens[i - 2]?.kind !== 'word';
  if (prev.kind !== 'word') return true;
  if (prev.norm.endsWith("'s") && isBrandWord(s, i - 1)) return true;
  if (prev.norm === BRAND_TOKEN || isBrandWord(s, i - 1)) return false;
  return !isCapitalised(s, i - 1) || NOT_NAMES.has(prev.norm) || isCommonWord(prev.norm) || !plausibleName(prev.norm);
}

// The brand's words, asked for by most posts; a scorer tracks a few hundred brands.
const wordCache = new Map<string, string[]>();

function wordsOf(names: BrandNames): string[] {
  if (names.brandTerms !== undefined && names.brandTerms.length > 0) return brandWords(names);
  const key = names.brand ?? '';
  let w = wordCache.get(key);
  if (w === undefined) {
    w = brandWords(names);
    if (wordCache.size > 10_000) wordCache.clear();
    wordCache.set(key, w);
  }
  return w;
}

/** The Scan of one post; `text` is the decoded text its tokens came from. */
export function scanOf(tokens: readonly Token[], names: BrandNames, text: string): Scan {
  // Worked out on first use: most posts have no handle, no adjacent names and no brackets.
  let keys: string[] | undefined;
  let words: string[] | undefined;
  let amp: Set<string> | undefined;
  let parens: Set<string> | undefined;
  let named: boolean | undefined;
  const s: Scan = {
    tokens,
    keys: () => (keys ??= brandKeys(names)),
    words: () => (words ??= wordsOf(names)),
    handles: new Map(),
    ampPairs: () => (amp ??= ampPairsOf(text)),
    parenNames: () => (parens ??= parenNamesOf(text)),
    text,
    brandNamed: () => (named ??= brandNamed(s)),
  };
  return s;
}
