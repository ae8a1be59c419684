/** The tracked query's brand, as staff extraction needs it (same fields as ClassifyContext). */
export interface BrandNames {
  brand?: string;
  brandTerms?: readonly string[];
}

// What brands put around their name in support handles: @AcmeHelp, @OrbitCares, @AskAcme,
// @SkylineAirSupport, @RailcoTeam, @AcmeAirUK, and the trade or country they add: @ReelhouseTV,
// @BiteboxEats, @KudipodNG. Only these (and short forms of the brand's own words, see
// madeOfBrandParts) may surround the brand's name: a handle with anything else beside it is a
// person's (@kai_at_orbit, @priya_acme).
const AFFIXES = `ask team the get my help helps helping care cares support supports service services desk
  helpdesk assist assistance hq official uk us usa ca au ie in eu global intl news app info online air
  airways airlines inc co corp hello hi and n fly go tv plus bb eats shop store stores rail travel hols
  hotels hotel bank mobile games media group ltd live direct studio studios claims rx rides hair delivers
  delivery tix ng nz za ke gh sg ae ph pk`.split(/\s+/);
// Longest first so "helpdesk" is taken before "help".
const AFFIX_RE = new RegExp(`^(?:${[...AFFIXES].sort((a, b) => b.length - a.length).join('|')})+$`);
const AFFIX_SET = new Set(AFFIXES);

// Without a brand to compare with, only unmistakably corporate handles count: @XboxSupport,
// @AcmeCares, @AskAmex. "@jen_helps" and "@priya_helps" are people.
const CORPORATE_SUFFIX = /^@[a-z0-9]{2,}(?:support|cares|care|service|services|helpdesk|hq|official)$/i;
const ASK_PREFIX = /^@Ask[A-Z0-9]/;

const flat = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Words of a name, flattened, without a leading "the": "The Larkspur" is "larkspur". */
function nameWords(name: string): string[] {
  const parts = name
    .trim()
    .replace(/^[@#]/, '')
    .split(/[\s_\-.&+]+/)
    .map(flat)
    .filter((w) => w !== '');
  return parts[0] === 'the' && parts.length > 1 ? parts.slice(1) : parts;
}

const namesOf = (names: BrandNames) =>
  names.brand === undefined ? (names.brandTerms ?? []) : [names.brand, ...(names.brandTerms ?? [])];

/**
 * Lower-case keys of the brand: its joined name ("acmeair"), its first word when it is
 * distinctive ("acme", "northwind", "larkspur" for "The Larkspur"), and each extra term joined
 * ("askacme", "ua").
 */
export function brandKeys(names: BrandNames): string[] {
  const keys = new Set<string>();
  for (const name of namesOf(names)) {
    const joined = flat(name);
    if (joined.length >= 2) keys.add(joined);
    const first = nameWords(name)[0] ?? '';
    if (first.length >= 4) keys.add(first);
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

/** Every word of the brand's names, flattened: what its handles abbreviate ("Rail", "BS", "Htl"). */
export function brandWords(names: BrandNames): string[] {
  return [...new Set(namesOf(names).flatMap(nameWords))];
}

/** Is `short` written from `word` in order, starting with its first letter: "htl" of "hotels". */
function abbreviates(short: string, word: string): boolean {
  if (short.length < 2 || short[0] !== word[0]) return false;
  let k = 0;
  for (let i = 0; i < word.length && k < short.length; i++) if (word[i] === short[k]) k++;
  return k === short.length;
}

/**
 * Can `rest` be cut into affixes and short forms of the brand's words: "rental" in
 * @PinegateRental, "bs" in @QuaysideBS ("Building Society"), "andco" in @TorqueAndCo.
 * Short forms of a word come from its own letters in order, so a person's name beside the
 * brand (@acme_kai) is not one unless the brand has a word it abbreviates.
 */
function madeOfBrandParts(rest: string, words: readonly string[]): boolean {
  // reach[i]: rest.slice(0, i) can be cut so. Handles are short, so this stays tiny.
  const reach = new Array<boolean>(rest.length + 1).fill(false);
  reach[0] = true;
  const joined = words.join('');
  for (let i = 0; i < rest.length; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= rest.length; j++) {
      if (isBrandPart(rest.slice(i, j), words, joined)) reach[j] = true;
    }
  }
  return reach[rest.length] as boolean;
}

/** "rail" of "Railways", "htl" of "Hotels", "b" of "Building", "ferry" of "Ferries". */
function isBrandPart(part: string, words: readonly string[], joined: string): boolean {
  if (AFFIX_SET.has(part) || abbreviates(part, joined)) return true;
  for (const w of words) {
    if (part.length === 1 ? w[0] === part : abbreviates(part, w)) return true;
    if (part.length >= 4 && w.startsWith(part.slice(0, 4))) return true;
  }
  return false;
}

// What a brand's own account ends with; a short form of the brand before it is the brand:
// @KRAHelp for "Kingsreach Airport".
const CORPORATE_END = /^(.{2,}?)(?:help|helps|support|care|cares|team|hq|official|service|services)$/;

/**
 * Is this @handle the brand itself (its support or regional account) rather than a person?
 * The brand's own handles are never praised staff: "thx @OrbitCares" thanks the company.
 * `words` (from brandWords) lets a handle abbreviate the brand's other words: @WyvernRail.
 */
export function isBrandHandle(handle: string, keys: readonly string[], words: readonly string[] = []): boolean {
  if (keys.length > 0) {
    const h = flat(handle);
    for (const key of keys) {
      const at = h.indexOf(key);
      if (at < 0) continue;
      const before = h.slice(0, at);
      const after = h.slice(at + key.length);
      const rest = before + after;
      if (rest === '' || AFFIX_RE.test(rest)) return true;
      // "@FlyBluehaven", "@GlencairnOptom": the brand first, then its own words cut short.
      if ((before === '' || AFFIX_RE.test(before)) && after !== '' && madeOfBrandParts(after, words)) return true;
    }
    const short = CORPORATE_END.exec(h)?.[1];
    if (short !== undefined && words.length > 1 && abbreviates(short, words.join(''))) return true;
  }
  return CORPORATE_SUFFIX.test(handle) || ASK_PREFIX.test(handle);
}
