import type { Token } from './tokenise.js';

/** Norm given to a brand's name, handle or hashtag once neutralised. */
export const BRAND_TOKEN = '<brand>';

/**
 * The tracked query's brand names and handles, as token sequences. "United" and
 * "@united" must read the same: a brand whose name is also a word ("United", "Virgin",
 * "Sky", "Delta") would otherwise lend that word's sentiment to every mention.
 */
export function brandPatterns(brand: string | undefined, terms: readonly string[] = []): string[][] {
  const out: string[][] = [];
  for (const name of brand === undefined ? terms : [brand, ...terms]) {
    const clean = name.trim().toLowerCase().replace(/^[@#]/, '');
    if (clean === '') continue;
    const parts = clean.split(/[\s_\-.]+/).filter((p) => p !== '');
    if (parts.length > 0) out.push(parts);
    // "virgin_care" as a handle is one token.
    if (!/\s/.test(clean) && parts.length > 1) out.push([clean]);
    // "British Airways" is also written "@britishairways" / "#BritishAirways", and
    // "Delight Foods" is often just "Delight" (a sentiment word: exactly what must not count).
    if (parts.length > 1) {
      out.push([parts.join('')]);
      const first = parts[0] as string;
      if (first.length >= 4 && !GENERIC_FIRST_WORDS.has(first)) out.push([first]);
    }
  }
  // Longest first so "british airways" is taken whole before "british".
  return out.sort((a, b) => b.length - a.length);
}

// First words too generic to stand for the brand on their own.
const GENERIC_FIRST_WORDS = new Set(['the', 'new', 'first', 'bank', 'royal', 'national', 'american', 'united', 'city']);

const bare = (t: Token) => (t.kind === 'handle' || t.kind === 'hashtag' ? t.norm.slice(1) : t.norm);

/** Replaces brand mentions with one BRAND_TOKEN each; returns how many were replaced. */
export function neutraliseBrand(tokens: Token[], patterns: readonly string[][]): { tokens: Token[]; count: number } {
  if (patterns.length === 0) return { tokens, count: 0 };
  const out: Token[] = [];
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const hit = patterns.find((p) =>
      p.every((part, k) => tokens[i + k] !== undefined && bare(tokens[i + k] as Token) === part),
    );
    if (hit === undefined) {
      out.push(tokens[i] as Token);
      continue;
    }
    const first = tokens[i] as Token;
    out.push({ ...first, norm: BRAND_TOKEN, kind: first.kind === 'word' ? 'word' : first.kind, elongated: false });
    count++;
    i += hit.length - 1;
  }
  return { tokens: out, count };
}
