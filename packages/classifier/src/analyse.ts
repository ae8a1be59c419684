import { BRAND_TOKEN, brandPatterns, neutraliseBrand } from './brand.js';
import { type EventSignals, findEvents } from './events.js';
import { extractFeatures, type Features } from './features.js';
import { type LexiconResult, lexicon } from './lexicon-score.js';
import { markNegation } from './negation.js';
import { findSignals, type Signals } from './signals.js';
import { extractStaff } from './staff.js';
import { decodeEntities, type Token, tokenise } from './tokenise.js';

/** Everything the model and the decision read about one text. */
export interface Analysis {
  tokens: Token[];
  /** Brand mentions replaced by BRAND_TOKEN. */
  brandMentions: number;
  signals: Signals;
  /** Negative events, their repair, and the cues sarcasm crosses with them. */
  events: EventSignals;
  lexicon: LexiconResult;
  staff: string[];
  features: Features;
}

export interface BrandContext {
  brand?: string;
  brandTerms?: string[];
}

/**
 * The text wink scores: brand names, handles and links dropped, elongations collapsed.
 * Dropping the brand is the neutralising; dropping handles keeps "@happyhelper" neutral.
 */
function lexiconText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.norm === BRAND_TOKEN || t.kind === 'url' || t.kind === 'handle') continue;
    parts.push(t.kind === 'word' ? t.norm : t.raw);
  }
  return parts.join(' ');
}

const patternCache = new Map<string, string[][]>();

function patternsFor(ctx: BrandContext): string[][] {
  if (ctx.brand === undefined && (ctx.brandTerms === undefined || ctx.brandTerms.length === 0)) return [];
  const key = `${ctx.brand ?? ''}\u0000${(ctx.brandTerms ?? []).join('\u0000')}`;
  let p = patternCache.get(key);
  if (p === undefined) {
    p = brandPatterns(ctx.brand, ctx.brandTerms);
    // Bounded: a scorer sees a few hundred tracked queries, not unbounded brands.
    if (patternCache.size > 10_000) patternCache.clear();
    patternCache.set(key, p);
  }
  return p;
}

export function analyse(input: string, ctx: BrandContext, dim: number): Analysis {
  // classify() passes decoded text already; decoding is idempotent, so this only matters
  // for direct callers (training). Every stage below sees the decoded text.
  const text = decodeEntities(input);
  const { tokens, count } = neutraliseBrand(tokenise(text), patternsFor(ctx));
  markNegation(tokens);
  const events = findEvents(tokens, text);
  const signals = findSignals(tokens, text, events.recovery > 0, events.events.length > 0);
  const lex = lexicon(lexiconText(tokens));
  const staff = extractStaff(tokens, ctx, text);
  const features = extractFeatures({ tokens, signals, events, lexicon: lex, staffCount: staff.length }, dim);
  return { tokens, brandMentions: count, signals, events, lexicon: lex, staff, features };
}
