// Where a post introduces a person (an opener such as "thanks to", "our driver"; a title; a
// lower-case name before the brand's team) and extractStaff, which walks the post for them. The
// post's Scan and name recognition are in staff-scan.ts; what follows a name, in staff-context.ts.
import type { BrandNames } from './brand-handles.js';
import { isLexiconWord } from './lexicon-score.js';
import {
  blamedAfter,
  creditedAfter,
  didAt,
  placedAfter,
  praisedAfter,
  unblamed,
  workplaceAt,
} from './staff-context.js';
import {
  type Group,
  groupAt,
  isBrandish,
  isBrandWord,
  isCapitalised,
  isCommonWord,
  isLower,
  isStaffHandle,
  mayStartName,
  nameAt,
  norm,
  plausibleName,
  type Scan,
  scanOf,
  sentenceStart,
  skipTitle,
} from './staff-scan.js';
import {
  FILLERS,
  HONORIFICS,
  JOBS,
  LINKS,
  NOT_NAMES,
  POSSESSIVES,
  ROLE_FILLERS,
  TEAM_FILLERS,
  THANKS,
} from './staff-words.js';
import type { Token } from './tokenise.js';

type Opener = { after: number; job: boolean };

const OPENER_HEADS: ReadonlySet<string> = new Set([
  ...THANKS,
  ...JOBS,
  ...'thank shout big hats credit grateful ask especially particularly esp name boy partner'.split(' '),
]);

/** What an opener at i introduces, if any: "thanks (so much) to X", "ask for X", "our driver X". */
function openerAt(s: Scan, i: number): Opener | undefined {
  const n = norm(s, i);
  // Asked of every token: most are no opener's first word.
  if (!OPENER_HEADS.has(n)) return undefined;
  const next = norm(s, i + 1);
  if (
    THANKS.has(n) ||
    (n === 'thank' && (next === 'you' || next === 'u')) ||
    (n === 'shout' && next === 'out') ||
    (n === 'big' && next === 'up') ||
    (n === 'hats' && next === 'off') ||
    (n === 'credit' && next === 'to') ||
    (n === 'grateful' && next === 'to')
  ) {
    let after = n === 'big' || n === 'hats' || n === 'shout' || n === 'thank' ? i + 2 : i + 1;
    while (FILLERS.has(norm(s, after))) after++;
    return { after: skipTitle(s, after), job: false };
  }
  if (n === 'ask' && next === 'for') return { after: skipTitle(s, i + 2), job: false };
  // "The Tidewave team, especially Niamh, were so kind".
  if ((n === 'especially' || n === 'particularly' || n === 'esp') && isLower(s, i)) {
    return { after: skipTitle(s, i + 1), job: false };
  }
  // "her name was Tasha" (past tense: "his name is Joel" is small talk, not a visit).
  if (n === 'name' && next === 'was') return { after: i + 2, job: false };
  // "Tech named Ray", "guy called Ben", "tech (Keisha)", "our driver Tomasz", "The purser,
  // Kwabena, moved me". A capitalised job inside a sentence is a title or a headline ("Lady
  // Gaga", "Nurse Hoffel", "Rep Party").
  const job =
    JOBS.has(n) ||
    ((n === 'boy' || n === 'partner') && (norm(s, i - 1) === 'delivery' || norm(s, i - 1) === 'service'));
  if (job && (isLower(s, i) || sentenceStart(s, i))) {
    if (next === 'named' || next === 'called') return { after: i + 2, job: true };
    if (next === ',' && nameAt(s, i + 2) !== undefined && norm(s, i + 3) === ',') return { after: i + 2, job: true };
    return { after: skipTitle(s, i + 1), job: true };
  }
  return undefined;
}

/**
 * A job word introduces a person only when it clearly does: "named/called X", "tech (X)",
 * "our driver X", "the Acme driver X", "the purser, X,", or X is then praised or did something.
 * "agent Denise Hemphill", "host Atlanta" are not kudos.
 */
function jobIntroduces(s: Scan, i: number, g: Group): boolean {
  const after = norm(s, i + 1);
  if (after === 'named' || after === 'called' || after === ',') return true;
  if (s.parenNames().has(g.names[0] as string)) return true;
  const before = norm(s, i - 1);
  if (POSSESSIVES.has(before)) return true;
  if (praisedAfter(s, g.end)) return true;
  const person = plausibleName(norm(s, g.at[0] as number));
  if (!person) return false;
  // "Ripplenet tech Hector", "the driver Priya", "Fitmoor's front desk guy Trey".
  let b = i - 1;
  while (b >= 0 && (ROLE_FILLERS.has(norm(s, b)) || TEAM_FILLERS.has(norm(s, b)))) b--;
  if (b >= 0 && (isBrandish(s, b) || norm(s, b) === 'the')) return unblamed(s, g.end);
  return (didAt(s, g.end, false) || placedAfter(s, g.end) !== undefined) && unblamed(s, g.end);
}

/**
 * "yasmin @ cadencia support deserves a medal", "mia from autova support": a name written in
 * lower case, first in its sentence, then the brand and its team. Nothing less will do: "pizza
 * from acme was amazing" starts the same way. Returns the index after the workplace.
 */
function lowerNameAt(s: Scan, i: number): number | undefined {
  const t = s.tokens[i] as Token;
  if (t.kind !== 'word' || t.norm.length < 3) return undefined;
  if (!(sentenceStart(s, i) || (i === 1 && s.tokens[0]?.kind === 'handle'))) return undefined;
  if (!/^\p{Ll}+$/u.test(t.raw)) return undefined;
  const n = t.norm;
  if (
    NOT_NAMES.has(n) ||
    isCommonWord(n) ||
    isLexiconWord(n) ||
    !plausibleName(n) ||
    LOWER_NOT_NAMES.has(n) ||
    isBrandWord(s, i)
  ) {
    return undefined;
  }
  // "@" before the brand is dropped by the tokeniser: "yasmin @ cadencia support".
  const link = LINKS.has(norm(s, i + 1));
  const w = workplaceAt(s, link ? i + 2 : i + 1);
  if (w === undefined || !w.brand || !w.team || (!link && !isBrandish(s, i + 1))) return undefined;
  return unblamed(s, w.end) ? w.end : undefined;
}

// Lower-case words that start a sentence and are never names (most are in ENGLISH already).
const LOWER_NOT_NAMES = new Set('got had called rang tried used ordered booked emailed messaged'.split(' '));

/**
 * Staff named with praise: "Maria at support", "thanks Dave on chat", "ask for Priya",
 * "shoutout to @jen_helps", "Fatima and Joe were great", "our driver Tomasz", "Kwame from lost
 * property", "Emrys the porter", "Dr Joshi remade them", "Manpreet ji". Never the brand: its
 * name was already replaced, its own handles (@AcmeHelp, @OrbitCares) are recognised from
 * `names`, and so are the words of its name. `text` is the decoded text the tokens came from.
 */
export function extractStaff(tokens: readonly Token[], names: BrandNames = {}, text = ''): string[] {
  const s = scanOf(tokens, names, text);
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const opener = openerAt(s, i);
    if (opener !== undefined) {
      const g = groupAt(s, opener.after);
      if (g.names.length === 0) continue;
      // "delivery boy Suresh bhaiya came 3 times".
      if (HONORIFICS.has(norm(s, g.end))) g.end++;
      if (!blamedAfter(s, g.end) && (!opener.job || jobIntroduces(s, i, g))) for (const n of g.names) found.add(n);
      i = g.end - 1;
      continue;
    }
    // "Dr Joshi", "Mr. Okafor": the title says it is a person; credited without it.
    const titled = skipTitle(s, i);
    if (titled !== i) {
      const g = groupAt(s, titled);
      if (creditedAfter(s, g.end)) for (const n of g.names) found.add(n);
      i = g.end - 1;
      continue;
    }
    const low = lowerNameAt(s, i);
    if (low !== undefined) {
      found.add(tokens[i]?.raw as string);
      i = low - 1;
      continue;
    }
    if (nameAt(s, i) === undefined) continue;
    if (!mayStartName(s, i)) {
      // The rest of "Velvet Row Brighton" is the same place.
      while (i + 1 < tokens.length && isCapitalised(s, i + 1)) i++;
      continue;
    }
    // At the start of a sentence anything is capitalised ("Reception fixed it", "Waiting at
    // gate 22"); inside one, a word that reads as no name is a product or a place all the same.
    const person = s.tokens[i]?.kind === 'handle' || plausibleName(norm(s, i));
    if (!person) continue;
    // "Hearthgas's Ruby traced it", "@ovalcoin_marcus": the brand's own.
    const tied = (i > 0 && norm(s, i - 1).endsWith("'s") && isBrandWord(s, i - 1)) || isStaffHandle(s, i);
    const g = groupAt(s, i);
    let k = g.end;
    // "Manpreet ji", "Kiran sir resolved it", "Rekha ma'am at counter".
    const honoured = HONORIFICS.has(norm(s, k)) && g.names.length === 1;
    if (honoured) k++;
    if (creditedAfter(s, k, tied) || (honoured && unblamed(s, k) && !isCapitalised(s, k) && s.brandNamed())) {
      for (const n of g.names) found.add(n);
    }
    // Skip the workplace too: "Bianca at Velvet Row Brighton" names one person, not two.
    i = (placedAfter(s, k)?.end ?? g.end) - 1;
  }
  return [...found];
}
