import { BRAND_TOKEN } from './brand.js';
import { type BrandNames, brandKeys, isBrandHandle } from './brand-handles.js';
import { ENGLISH, ENGLISH_SHARED } from './function-words.js';
import {
  BE,
  BLAME,
  FILLERS,
  INTENSIFIERS,
  JOBS,
  LINKS,
  NOT_NAMES,
  POSSESSIVES,
  PRAISE_ADJ,
  PRAISE_VERBS,
  ROLE_FILLERS,
  ROLES,
  THANKS,
  VERB_PHRASES,
} from './staff-words.js';
import type { Token } from './tokenise.js';

const NAME_RE = /^\p{Lu}[\p{Ll}']+$/u;
const CONTRACTION = /'(?:ve|re|ll|d|s|m|t)$/;

/** "They've", "Is", "Has", "Like": capitalised English words, not names ("Will" is a name). */
const isCommonWord = (w: string) => CONTRACTION.test(w) || ENGLISH.has(w) || (ENGLISH_SHARED.has(w) && w !== 'will');

/** One text's view: its tokens, the brand's handle keys and names joined by "&". */
interface Scan {
  tokens: readonly Token[];
  /** The brand's handle keys, worked out on the first handle (most posts have none to check). */
  keys: () => readonly string[];
  /** Whether the handle at an index is a person (true) or the brand's (false), once checked. */
  handles: Map<number, boolean>;
  /** "Fatima\u0000Joe" for "Fatima & Joe": the tokeniser drops "&", so the text tells. */
  ampPairs: () => ReadonlySet<string>;
  /** Names written in brackets right after a job: "tech (Keisha)". */
  parenNames: () => ReadonlySet<string>;
}

const norm = (s: Scan, i: number) => s.tokens[i]?.norm ?? '';

function nameAt(s: Scan, i: number): string | undefined {
  const t = s.tokens[i];
  if (t === undefined || t.norm === BRAND_TOKEN) return undefined;
  if (t.kind === 'handle') {
    let known = s.handles.get(i);
    if (known === undefined) {
      known = !isBrandHandle(t.raw, s.keys());
      s.handles.set(i, known);
    }
    return known ? t.raw : undefined;
  }
  if (t.kind === 'word' && NAME_RE.test(t.raw) && !NOT_NAMES.has(t.norm) && !isCommonWord(t.norm)) return t.raw;
  return undefined;
}

const isShout = (s: Scan, i: number) => {
  const raw = s.tokens[i]?.raw ?? '';
  return raw.length > 1 && raw === raw.toUpperCase();
};

const isWordName = (s: Scan, i: number) => s.tokens[i]?.kind === 'word' && nameAt(s, i) !== undefined;

/**
 * The names starting at i, joined by ",", "and" or "&" ("Fatima, Joe and Ana"); a second
 * capitalised word right after a first name is a surname, not another person. Returns the
 * names and the index after the group.
 */
function groupAt(s: Scan, i: number): { names: string[]; end: number } {
  const first = nameAt(s, i);
  if (first === undefined) return { names: [], end: i };
  const names = [first];
  let j = i;
  let surname = false;
  for (;;) {
    const cur = s.tokens[j] as Token;
    const next = nameAt(s, j + 1);
    if (next !== undefined && s.ampPairs().has(`${cur.raw}\u0000${next}`)) {
      names.push(next);
      j++;
      surname = false;
      continue;
    }
    if (!surname && cur.kind === 'word' && isWordName(s, j + 1)) {
      j++;
      surname = true;
      continue;
    }
    if (isJoiner(s, j + 1)) {
      let k = j + 2;
      if (norm(s, j + 1) === ',' && norm(s, k) === 'and') k++;
      const name = nameAt(s, k);
      if (name !== undefined) {
        names.push(name);
        j = k;
        surname = false;
        continue;
      }
    }
    return { names, end: j + 1 };
  }
}

function isJoiner(s: Scan, i: number): boolean {
  const n = norm(s, i);
  return n === ',' || n === 'and';
}

function blamedAfter(s: Scan, i: number): boolean {
  for (let k = i; k < i + 5 && k < s.tokens.length; k++) if (BLAME.has(norm(s, k))) return true;
  return false;
}

/** At k: "rebooked", "kept me updated", "was so helpful", "were great". */
function praiseAt(s: Scan, k: number): boolean {
  // Title Case verbs are headlines ("Kitten … Saved From Euthanasia"), not a customer's report.
  if (!isLower(s, k) && !isShout(s, k)) return false;
  const n = norm(s, k);
  if (PRAISE_VERBS.has(n)) return true;
  if (VERB_PHRASES.get(n)?.has(norm(s, k + 1))) return true;
  if (BE.has(n)) {
    let r = k + 1;
    while (BE.has(norm(s, r)) || INTENSIFIERS.has(norm(s, r))) r++;
    return PRAISE_ADJ.has(norm(s, r));
  }
  return false;
}

/** After a name group, is there a praise context? */
function praisedAfter(s: Scan, k: number): boolean {
  if (blamedAfter(s, k)) return false;
  if (praiseAt(s, k)) return true;
  if (!LINKS.has(norm(s, k))) return false;
  // "Maria at support", "Dave on live chat", "Nina at Acme Air help desk"
  let r = k + 1;
  while (ROLE_FILLERS.has(norm(s, r))) r++;
  if (ROLES.has(norm(s, r))) return true;
  if (norm(s, r) === BRAND_TOKEN || s.tokens[r]?.kind === 'handle') {
    r++;
    while (ROLE_FILLERS.has(norm(s, r))) r++;
    if (ROLES.has(norm(s, r))) return true;
  }
  // "Luis from the night shift stayed on…", "Dave at Acme was lovely": a short phrase, then praise.
  for (let q = k + 1; q < k + 7 && q < s.tokens.length; q++) {
    if (s.tokens[q]?.kind === 'punct') return false;
    if (praiseAt(s, q)) return !blamedAfter(s, q);
  }
  return false;
}

type Opener = { after: number; job: boolean };

/** What an opener at i introduces, if any: "thanks (so much) to X", "ask for X", "our driver X". */
function openerAt(s: Scan, i: number): Opener | undefined {
  const n = norm(s, i);
  const next = norm(s, i + 1);
  if (
    THANKS.has(n) ||
    (n === 'thank' && next === 'you') ||
    (n === 'shout' && next === 'out') ||
    (n === 'big' && next === 'up') ||
    (n === 'hats' && next === 'off')
  ) {
    let after = n === 'big' || n === 'hats' || n === 'shout' ? i + 2 : i + 1;
    while (FILLERS.has(norm(s, after))) after++;
    return { after, job: false };
  }
  if (n === 'ask' && next === 'for') return { after: i + 2, job: false };
  // "her name was Tasha" (past tense: "his name is Joel" is small talk, not a visit).
  if (n === 'name' && next === 'was') return { after: i + 2, job: false };
  // "Tech named Ray", "guy called Ben", "tech (Keisha)", "our driver Tomasz". A capitalised
  // job inside a sentence is a title or a headline ("Lady Gaga", "Nurse Hoffel", "Rep Party").
  if (JOBS.has(n) && (isLower(s, i) || sentenceStart(s, i))) {
    return { after: next === 'named' || next === 'called' ? i + 2 : i + 1, job: true };
  }
  return undefined;
}

const isLower = (s: Scan, i: number) => !/^\p{Lu}/u.test(s.tokens[i]?.raw ?? '');
const sentenceStart = (s: Scan, i: number) => i === 0 || ['.', '!', '?', ':'].includes(norm(s, i - 1));

/**
 * A job word introduces a person only when it clearly does: "named/called X", "tech (X)",
 * "our driver X", or X is then praised. "agent Denise Hemphill", "host Atlanta" are not kudos.
 */
function jobIntroduces(s: Scan, i: number, g: { names: string[]; end: number }): boolean {
  const after = norm(s, i + 1);
  if (after === 'named' || after === 'called') return true;
  if (s.parenNames().has(g.names[0] as string)) return true;
  if (POSSESSIVES.has(norm(s, i - 1))) return true;
  return praisedAfter(s, g.end);
}

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

/**
 * Staff named with praise: "Maria at support", "thanks Dave on chat", "ask for Priya",
 * "shoutout to @jen_helps", "Fatima and Joe were great", "our driver Tomasz". Never the
 * brand: its name was already replaced, and its own handles (@AcmeHelp, @OrbitCares) are
 * recognised from `names`. `text` is the decoded text the tokens came from.
 */
export function extractStaff(tokens: readonly Token[], names: BrandNames = {}, text = ''): string[] {
  // Worked out on first use: most posts have no handle, no adjacent names and no brackets.
  let keys: string[] | undefined;
  let amp: Set<string> | undefined;
  let parens: Set<string> | undefined;
  const s: Scan = {
    tokens,
    keys: () => (keys ??= brandKeys(names)),
    handles: new Map(),
    ampPairs: () => (amp ??= ampPairsOf(text)),
    parenNames: () => (parens ??= parenNamesOf(text)),
  };
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const opener = openerAt(s, i);
    if (opener !== undefined) {
      const g = groupAt(s, opener.after);
      if (g.names.length === 0) continue;
      if (!blamedAfter(s, g.end) && (!opener.job || jobIntroduces(s, i, g))) for (const n of g.names) found.add(n);
      i = g.end - 1;
      continue;
    }
    if (nameAt(s, i) === undefined) continue;
    const g = groupAt(s, i);
    if (praisedAfter(s, g.end)) for (const n of g.names) found.add(n);
    i = g.end - 1;
  }
  return [...found];
}
