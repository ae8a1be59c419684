import { BRAND_TOKEN } from './brand.js';
import type { Token } from './tokenise.js';

// Capitalised words that start sentences or address the company, never a person's name.
const NOT_NAMES = new Set(
  `i the you we they it this that thanks thank so your our my he she customer support service
  team everyone everybody guys all god lord again much very hi hello hey ok okay yes no great
  today tonight monday tuesday wednesday thursday friday saturday sunday just really also and but
  for to from on at in with of a an what why how when where who please thx ty love amazing
  awesome happy merry chat phone store app help desk staff agent manager rep coverage signal
  delivery food crew pilot website site price prices quality flight flights service support
  billing internet wifi order driver engineer technician tech customer lunch dinner breakfast
  brunch coffee outage issue issues problem everything account refund bag phone card`.split(/\s+/),
);

const THANKS = new Set(['thanks', 'thx', 'ty', 'cheers', 'kudos', 'props', 'shoutout', 'bless', 'appreciate']);
const FILLERS = new Set(['so', 'much', 'again', 'to', 'you', 'big', 'huge', 'massive', 'out', 'a', 'lot']);
const LINKS = new Set(['at', 'from', 'on', 'in', 'with', 'over', 'via']);
const ROLE_FILLERS = new Set(['the', 'your', 'live', 'customer', 'tech', 'front', 'help', 'our']);
const ROLES = new Set(
  `support service care chat phone phones helpdesk desk reception store branch counter gate
  checkin check team billing line lounge shop office twitter dm dms call`.split(/\s+/),
);
const PRAISE_VERBS = new Set(['helped', 'sorted', 'fixed', 'resolved', 'saved', 'rocks', 'rocked', 'nailed']);
// Past tense only: "Sam was so helpful" reports an interaction; "Coverage is great" is
// a capitalised noun at the start of a sentence, not a person.
const BE = new Set(['was', 'has', 'been']);
const PRAISE_ADJ = new Set(
  `helpful amazing awesome great fantastic brilliant lovely kind patient excellent wonderful
  star legend lifesaver superb incredible outstanding friendly professional quick fast
  phenomenal stellar best`.split(/\s+/),
);
const INTENSIFIERS = new Set([
  'so',
  'very',
  'super',
  'really',
  'extremely',
  'incredibly',
  'a',
  'an',
  'absolute',
  'the',
  'been',
]);
const BLAME = new Set([
  'rude',
  'useless',
  'unhelpful',
  'hung',
  'incompetent',
  'terrible',
  'awful',
  'clueless',
  'wrong',
  'lied',
]);

const NAME_RE = /^\p{Lu}[\p{Ll}']+$/u;

function nameAt(tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (t === undefined || t.norm === BRAND_TOKEN) return undefined;
  if (t.kind === 'handle') return t.raw;
  if (t.kind === 'word' && NAME_RE.test(t.raw) && !NOT_NAMES.has(t.norm)) return t.raw;
  return undefined;
}

const norm = (tokens: readonly Token[], i: number) => tokens[i]?.norm ?? '';

function blamedAfter(tokens: readonly Token[], i: number): boolean {
  for (let k = i; k < i + 5 && k < tokens.length; k++) if (BLAME.has(norm(tokens, k))) return true;
  return false;
}

/** After a name (and an optional surname), is there a praise context? Returns true if so. */
function praisedAfter(tokens: readonly Token[], i: number): boolean {
  let k = i + 1;
  // A surname follows a first name, not a handle ("@acme Jess on chat" is two people).
  if (tokens[i]?.kind === 'word' && tokens[k]?.kind === 'word' && nameAt(tokens, k) !== undefined) k++;
  if (blamedAfter(tokens, k)) return false;
  // "Maria at support", "Dave on live chat"
  if (LINKS.has(norm(tokens, k))) {
    let r = k + 1;
    while (ROLE_FILLERS.has(norm(tokens, r))) r++;
    if (ROLES.has(norm(tokens, r))) return true;
    // "Dave at Acme was lovely", "Nina at Acme Air help desk": skip the brand (already
    // neutralised) or a handle, then look for a role or praise after it.
    if (norm(tokens, r) === BRAND_TOKEN || tokens[r]?.kind === 'handle') {
      k = r + 1;
      while (ROLE_FILLERS.has(norm(tokens, k))) k++;
      if (ROLES.has(norm(tokens, k))) return true;
    }
  }
  // "Priya helped", "Sam was so helpful"
  if (PRAISE_VERBS.has(norm(tokens, k))) return true;
  if (BE.has(norm(tokens, k))) {
    let r = k + 1;
    while (BE.has(norm(tokens, r)) || INTENSIFIERS.has(norm(tokens, r))) r++;
    return PRAISE_ADJ.has(norm(tokens, r));
  }
  return false;
}

/**
 * Staff named with praise: "Maria at support", "thanks Dave on chat", "ask for Priya",
 * "shoutout to @jen_helps". Brand handles were already replaced, so they never match.
 */
export function extractStaff(tokens: readonly Token[]): string[] {
  const found = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const n = norm(tokens, i);
    let after = -1;
    if (
      THANKS.has(n) ||
      (n === 'thank' && norm(tokens, i + 1) === 'you') ||
      (n === 'shout' && norm(tokens, i + 1) === 'out')
    ) {
      after = i + 1;
      while (FILLERS.has(norm(tokens, after))) after++;
    } else if (n === 'ask' && norm(tokens, i + 1) === 'for') {
      after = i + 2;
    }
    if (after >= 0) {
      const name = nameAt(tokens, after);
      if (name !== undefined && !blamedAfter(tokens, after + 1)) found.add(name);
      continue;
    }
    const name = nameAt(tokens, i);
    if (name !== undefined && praisedAfter(tokens, i)) found.add(name);
  }
  return [...found];
}
