/** The tracked query's brand, as staff extraction needs it (same fields as ClassifyContext). */
export interface BrandNames {
  brand?: string;
  brandTerms?: readonly string[];
}

// What brands put around their name in support handles: @AcmeHelp, @OrbitCares, @AskAcme,
// @SkylineAirSupport, @RailcoTeam, @AcmeAirUK. Only these may surround the brand's name: a
// handle with anything else beside it is a person's (@kai_at_orbit, @priya_acme).
const AFFIXES = `ask team the get my help helps helping care cares support supports service services desk
  helpdesk assist assistance hq official uk us usa ca au ie in eu global intl news app info online air
  airways airlines inc co corp hello hi`.split(/\s+/);
// Longest first so "helpdesk" is taken before "help".
const AFFIX_RE = new RegExp(`^(?:${[...AFFIXES].sort((a, b) => b.length - a.length).join('|')})+$`);

// Without a brand to compare with, only unmistakably corporate handles count: @XboxSupport,
// @AcmeCares, @AskAmex. "@jen_helps" and "@priya_helps" are people.
const CORPORATE_SUFFIX = /^@[a-z0-9]{2,}(?:support|cares|care|service|services|helpdesk|hq|official)$/i;
const ASK_PREFIX = /^@Ask[A-Z0-9]/;

const flat = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Lower-case keys of the brand: its joined name ("acmeair"), its first word when it is
 * distinctive ("acme", "northwind"), and each extra term joined ("askacme", "ua").
 */
export function brandKeys(names: BrandNames): string[] {
  const keys = new Set<string>();
  for (const name of names.brand === undefined
    ? (names.brandTerms ?? [])
    : [names.brand, ...(names.brandTerms ?? [])]) {
    const joined = flat(name);
    if (joined.length >= 2) keys.add(joined);
    const first = flat(
      name
        .trim()
        .replace(/^[@#]/, '')
        .split(/[\s_\-.]+/)[0] ?? '',
    );
    if (first.length >= 4) keys.add(first);
  }
  return [...keys].sort((a, b) => b.length - a.length);
}

/**
 * Is this @handle the brand itself (its support or regional account) rather than a person?
 * The brand's own handles are never praised staff: "thx @OrbitCares" thanks the company.
 */
export function isBrandHandle(handle: string, keys: readonly string[]): boolean {
  if (keys.length > 0) {
    const h = flat(handle);
    for (const key of keys) {
      const at = h.indexOf(key);
      if (at < 0) continue;
      const rest = h.slice(0, at) + h.slice(at + key.length);
      if (rest === '' || AFFIX_RE.test(rest)) return true;
    }
  }
  return CORPORATE_SUFFIX.test(handle) || ASK_PREFIX.test(handle);
}
