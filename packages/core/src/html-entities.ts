/** The named entities that occur in posts (tweets arrive HTML-escaped, Mastodon sends HTML). */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  hearts: '♥',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
};

// Bounded lengths: a hostile run of digits or letters stays cheap to scan.
const ENTITY = /&(?:([a-zA-Z][a-zA-Z0-9]{1,15})|#(\d{1,8})|#[xX]([\da-fA-F]{1,7}));/g;

/**
 * Decodes HTML entities once (`&amp;lt;` becomes `&lt;`, as HTML does). Unknown names stay
 * as written. A number that is no character (NUL, a surrogate, past U+10FFFF) becomes
 * U+FFFD when `invalid` is 'replace' (HTML's rule, for real HTML) or stays as written
 * ('keep', for text that was only escaped and may hold a literal "&#0;").
 */
export function decodeEntitiesOnce(text: string, invalid: 'replace' | 'keep' = 'keep'): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (m, name?: string, dec?: string, hex?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? m;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return invalid === 'replace' ? '\uFFFD' : m;
    return String.fromCodePoint(code);
  });
}
