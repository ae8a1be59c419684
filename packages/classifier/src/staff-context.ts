// What follows a name in a post, and whether it credits the person: praise, what they did, where
// they work, what they are there, the customer thanking them; or blame, which rules them out.
import { BRAND_TOKEN } from './brand.js';
import { isBrandish, isCapitalised, isCommonWord, isLower, isShout, norm, type Scan } from './staff-scan.js';
import {
  ACTION_ADVERBS,
  ACTION_PHRASES,
  ACTION_VERBS,
  BARE_INTENSIFIERS,
  BE,
  BLAME,
  INTENSIFIERS,
  JOBS,
  LINKS,
  NEGATORS,
  NOT_NAMES,
  ORG_DETERMINERS,
  PERSON_PRAISE,
  POSSESSIVES,
  PRAISE_ADJ,
  PRAISE_VERBS,
  REPAIR_VERBS,
  ROLE_FILLERS,
  ROLES,
  TEAM_FILLERS,
  TEAMS,
  THANKS,
  VERB_PHRASES,
} from './staff-words.js';
import type { Token } from './tokenise.js';

export function blamedAfter(s: Scan, i: number): boolean {
  for (let k = i; k < i + 5 && k < s.tokens.length; k++) if (blameAt(s, k)) return true;
  return false;
}

/** "was rude", "the worst"; but "got me through the worst day of my year" is about the day. */
function blameAt(s: Scan, k: number): boolean {
  const n = norm(s, k);
  if (!BLAME.has(n)) return false;
  if (n !== 'worst' || s.tokens[k + 1]?.kind !== 'word') return true;
  return !ORG_DETERMINERS.has(norm(s, k - 1)) && !POSSESSIVES.has(norm(s, k - 1));
}

/**
 * A verb with nothing after it: "Turkey saved.", "Presents sorted", "Party saved!" say what was
 * done, not who did it.
 */
function objectless(s: Scan, k: number): boolean {
  const next = s.tokens[k + 1];
  if (next === undefined) return true;
  if (next.kind === 'emoji' || next.kind === 'emoticon' || next.kind === 'hashtag') return true;
  return next.kind === 'punct' && next.norm !== ',';
}

// Praise verbs that end a sentence with nobody else to have done them: "Sam helped!", "Jo rocks".
const INTRANSITIVE = new Set(['helped', 'stayed', 'rocks', 'rocked']);

/** At k: "rebooked", "kept me updated", "was so helpful", "were great". */
function praiseAt(s: Scan, k: number): boolean {
  // Title Case verbs are headlines ("Kitten … Saved From Euthanasia"), not a customer's report.
  if (!isLower(s, k) && !isShout(s, k)) return false;
  const n = norm(s, k);
  if (PRAISE_VERBS.has(n)) return INTRANSITIVE.has(n) || !objectless(s, k);
  if (VERB_PHRASES.get(n)?.has(norm(s, k + 1))) return true;
  if (BE.has(n)) {
    let r = k + 1;
    while (BE.has(norm(s, r)) || INTENSIFIERS.has(norm(s, r))) r++;
    return PRAISE_ADJ.has(norm(s, r));
  }
  return false;
}

/**
 * At k, after a name that reads as a person: what staff do ("found one in store", "quickly
 * rang me back", "got it approved"), praise only a person earns ("is a gem", "very helpful"),
 * or "who stayed on the line". 'repair' for putting a problem right ("refunded", "reprinted"),
 * which says on its own that the name is staff; 'done' for the rest ("found", "is lovely"),
 * which needs the post to name the brand (`Scan.brandNamed`).
 */
function actionAt(s: Scan, k: number): 'repair' | 'done' | undefined {
  let r = k;
  if (norm(s, r) === ',' && norm(s, r + 1) === 'who') r += 2;
  else if (norm(s, r) === 'who') r++;
  for (let a = 0; a < 2 && (ACTION_ADVERBS.has(norm(s, r)) || norm(s, r).endsWith('ly')); a++) r++;
  if (!isLower(s, r)) return undefined;
  const n = norm(s, r);
  if (REPAIR_VERBS.has(n)) return objectless(s, r) ? undefined : 'repair';
  // "Malik calmly found it, fixed the sync": a later verb of the same sentence may say more.
  if (ACTION_VERBS.has(n)) return objectless(s, r) ? undefined : repairLater(s, r) ? 'repair' : 'done';
  if (n === 'is' && norm(s, r + 1) === 'the' && norm(s, r + 2) === 'only') return 'done';
  if (BE.has(n)) {
    let q = r + 1;
    while (BE.has(norm(s, q))) q++;
    if (norm(s, q) === 'carrying' || norm(s, q) === 'holding') return 'done';
  }
  if (praiseAt(s, r)) return 'done';
  if (ACTION_PHRASES.get(n)?.has(norm(s, r + 1))) return 'done';
  if (n === 'is' || BARE_INTENSIFIERS.has(n)) {
    let q = n === 'is' ? r + 1 : r;
    while (INTENSIFIERS.has(norm(s, q))) q++;
    if (PERSON_PRAISE.has(norm(s, q)) || (n === 'is' && PRAISE_ADJ.has(norm(s, q)))) return 'done';
  }
  return undefined;
}

/** A verb that puts a problem right, later in the sentence from k: "found it, fixed the sync". */
function repairLater(s: Scan, k: number): boolean {
  for (let q = k + 1; q < k + 10 && q < s.tokens.length; q++) {
    const t = s.tokens[q] as Token;
    if (t.kind === 'punct' && t.norm !== ',') return false;
    if (REPAIR_VERBS.has(t.norm) && isLower(s, q) && !objectless(s, q)) return true;
  }
  return false;
}

/** A name then what they did, with nothing said against them. */
export function didAt(s: Scan, k: number, tied: boolean): boolean {
  const a = actionAt(s, k);
  if (a === undefined || !unblamed(s, k)) return false;
  return a === 'repair' || tied || s.brandNamed();
}

/** After a name group, is there a praise context? */
export function praisedAfter(s: Scan, k: number): boolean {
  if (blamedAfter(s, k)) return false;
  if (praiseAt(s, k)) return true;
  if (!LINKS.has(norm(s, k))) return false;
  // "Maria at support", "Dave on live chat", "Nina at Acme Air help desk"
  let r = k + 1;
  while (ROLE_FILLERS.has(norm(s, r))) r++;
  // "Dave from billing never called back" is no kudos.
  if (ROLES.has(norm(s, r))) return unblamed(s, r + 1);
  if (norm(s, r) === BRAND_TOKEN || s.tokens[r]?.kind === 'handle') {
    r++;
    while (ROLE_FILLERS.has(norm(s, r))) r++;
    if (ROLES.has(norm(s, r))) return unblamed(s, r + 1);
  }
  // "Luis from the night shift stayed on…", "Dave at Acme was lovely": a short phrase, then praise.
  for (let q = k + 1; q < k + 7 && q < s.tokens.length; q++) {
    if (s.tokens[q]?.kind === 'punct') return false;
    if (praiseAt(s, q)) return !blamedAfter(s, q);
  }
  return false;
}

/** Nothing said against them right after: "never called back", "didn't help", "was rude". */
export function unblamed(s: Scan, k: number): boolean {
  for (let r = k; r < k + 2; r++) {
    // "couldn't have been nicer", "can't thank her enough": praise.
    const n = norm(s, r);
    if (!NEGATORS.has(n)) continue;
    const next = norm(s, r + 1);
    if ((n === "couldn't" || n === 'couldnt') && next === 'have') continue;
    if ((n === "can't" || n === 'cant') && next === 'thank') continue;
    return false;
  }
  return !blamedAfter(s, k);
}

interface Workplace {
  end: number;
  /** Names the brand or a team: the person works there. */
  tied: boolean;
  brand: boolean;
  team: boolean;
}

/**
 * The workplace after "at/from/in" at k: "the @LyraAir transfer desk", "Acme", "lost property",
 * "Alice Springs". `tied` when it names the brand or a team (the person works there); a place
 * alone ("Alice Springs", "Brighton") only says where they were.
 */
export function workplaceAt(s: Scan, k: number): Workplace | undefined {
  let r = k;
  if (ORG_DETERMINERS.has(norm(s, r))) r++;
  const start = r;
  let brand = false;
  let team = false;
  for (; r < start + 6 && r < s.tokens.length; r++) {
    const t = s.tokens[r] as Token;
    if (isBrandish(s, r)) brand = true;
    else if (ROLES.has(t.norm) || TEAMS.has(t.norm)) team = true;
    else if (ROLE_FILLERS.has(t.norm) || TEAM_FILLERS.has(t.norm) || (t.kind === 'number' && r > start)) {
      // "the airport help counter", "Gate 22": words that only lead to a team or number it.
    } else if (t.kind === 'word' && isLower(s, r) && teamAhead(s, r)) {
      // "the events team", "your contact centre": an unknown word before a team.
    } else if (!isCapitalised(s, r) || NOT_NAMES.has(t.norm) || isCommonWord(t.norm)) break;
  }
  if (r === start) return undefined;
  // "on Ward 7 at Carrowmere": one workplace inside another.
  if (LINKS.has(norm(s, r)) && norm(s, r) !== 'with') {
    const more = workplaceAt(s, r + 1);
    if (more !== undefined && (brand || team || more.tied)) {
      return { end: more.end, tied: true, brand: brand || more.brand, team: team || more.team };
    }
  }
  return { end: r, tied: brand || team, brand, team };
}

/**
 * Is the unknown word at r the start of a team's name, "events team", "contact centre"? A team
 * word must follow within two words, and the words between must not be grammar ("of the line").
 */
function teamAhead(s: Scan, r: number): boolean {
  for (let q = r; q <= r + 2; q++) {
    const t = s.tokens[q];
    if (t === undefined || t.kind !== 'word' || !isLower(s, q)) return false;
    if (q > r && (TEAMS.has(t.norm) || TEAM_HEADS.has(t.norm))) return true;
    if (isCommonWord(t.norm) || LINKS.has(t.norm) || ORG_DETERMINERS.has(t.norm)) return false;
  }
  return false;
}

// Words that end a team's name ("the events team", "your contact centre"); ROLES has more that
// end other phrases too ("the call", "the line").
const TEAM_HEADS = new Set('team desk counter office support service care helpdesk reception'.split(' '));

/**
 * "Maria at support", "Kwame from lost property", "Nasreen from the airport help counter",
 * "Brayden in Alice Springs swapped the car": a person at a workplace. The brand or a team
 * ties them to it; a place alone needs what they did after it.
 */
export function placedAfter(s: Scan, k: number): { end: number } | undefined {
  // "Owns Stock In Pipeline Project At Center": Title Case is a headline.
  if ((!LINKS.has(norm(s, k)) && norm(s, k) !== 'behind') || !isLower(s, k)) return undefined;
  const w = workplaceAt(s, k + 1);
  if (w === undefined) return undefined;
  if (w.tied) return unblamed(s, w.end) ? { end: w.end } : undefined;
  let r = w.end;
  if (norm(s, r) === ',') r++;
  return didAt(s, r, false) && unblamed(s, w.end) ? { end: w.end } : undefined;
}

/**
 * "Emrys the porter", "Delphine, the guide on …", "Hector, my Orrin driver," "Baraka, our
 * Safarique guide": the name, then what they are there.
 */
function roleAfter(s: Scan, k: number): number | undefined {
  let r = k;
  const comma = norm(s, r) === ',';
  if (comma) r++;
  // "Ross, train manager on the 14:00": after a comma the article may go.
  if ((ORG_DETERMINERS.has(norm(s, r)) || POSSESSIVES.has(norm(s, r))) && isLower(s, r)) r++;
  else if (!comma) return undefined;
  for (let m = 0; m < 3; m++) {
    if (JOBS.has(norm(s, r)) && isLower(s, r)) return unblamed(s, r + 1) ? r + 1 : undefined;
    if (isBrandish(s, r) || ROLE_FILLERS.has(norm(s, r)) || TEAM_FILLERS.has(norm(s, r))) r++;
    // "Kirsty the ride attendant", "the python tutor": any plain word may say what kind.
    else if (s.tokens[r]?.kind === 'word' && isLower(s, r) && !isCommonWord(norm(s, r)) && !LINKS.has(norm(s, r))) r++;
    else break;
  }
  if (JOBS.has(norm(s, r)) && isLower(s, r)) return unblamed(s, r + 1) ? r + 1 : undefined;
  return undefined;
}

/**
 * What after a person's name (and its honorific) credits them: praise ("was so helpful"), a
 * workplace ("at support", "from lost property"), a role ("the porter"), or what they did
 * ("found one in store"). `tied`: the name is already the brand's ("Hearthgas's Ruby").
 */
export function creditedAfter(s: Scan, k: number, tied = false): boolean {
  if (praisedAfter(s, k)) return true;
  if (placedAfter(s, k) !== undefined || roleAfter(s, k) !== undefined) return true;
  return didAt(s, k, tied) || addressedAt(s, k, tied);
}

/**
 * "Pooja you are a gem", "Fiona and Rob, you made it painless", "@corvid_dan thanks for trying":
 * the customer talking to them, and praising, in a post to the brand ("Mitchie, thanks for the
 * fun times" is a friend).
 */
function addressedAt(s: Scan, k: number, tied: boolean): boolean {
  // "@acme you rock": without the brand named, the handle addressed may be the brand's own.
  if (!s.brandNamed()) return false;
  let r = k;
  if (norm(s, r) === ',') r++;
  const n = norm(s, r);
  // "@vexel_gm_ruth thank u for reading my report": thanking the brand's own person.
  if (tied && (THANKS.has(n) || (n === 'thank' && (norm(s, r + 1) === 'you' || norm(s, r + 1) === 'u')))) {
    return unblamed(s, r + 1);
  }
  if (n !== 'you' && n !== "you're" && n !== "you've" && n !== 'u') return false;
  if (!unblamed(s, r + 1)) return false;
  for (let q = r + 1; q < r + 7 && q < s.tokens.length; q++) {
    const m = norm(s, q);
    if (s.tokens[q]?.kind === 'punct' && m !== ',') return false;
    if (PRAISE_ADJ.has(m) || PERSON_PRAISE.has(m) || REPAIR_VERBS.has(m) || PRAISE_VERBS.has(m)) return true;
  }
  return false;
}
