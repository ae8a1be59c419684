import { readFileSync } from 'node:fs';
import type { Analysis } from './analyse.js';
import { analyse } from './analyse.js';
import { BRAND_TOKEN } from './brand.js';
import { type Features, hash } from './features.js';
import type { Token } from './tokenise.js';

export const brandKey = (brand: string) => brand.trim().toLowerCase();

/**
 * Brand-crossed word features: `b:<brand>|<word>` for each word of a text about a brand the
 * team corrected often (training/feedback.ts). They let one brand's vocabulary move (a
 * product name that is neutral elsewhere, a house joke) without moving the weights every
 * brand shares. Appended in place; the same call at training and at inference.
 */
export function addBrandCrosses(features: Features, tokens: readonly Token[], brand: string, dim: number): void {
  const mask = dim - 1;
  const b = brandKey(brand);
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.norm === BRAND_TOKEN || t.kind === 'punct' || t.kind === 'url' || t.kind === 'handle') continue;
    const w = t.negated ? `!${t.norm}` : t.norm;
    if (seen.has(w)) continue;
    seen.add(w);
    features.idx.push(hash(`b:${b}|${w}`) & mask);
    features.val.push(1);
  }
}

/** Called by the scorer after analysing a text, before the model reads its features. */
export type AnalysisHook = (a: Analysis, ctx: { brand?: string }, dim: number) => void;

/** Inference side: crosses for texts whose context brand is one of `brands`. */
export function brandCrossScorerHook(brands: readonly string[]): AnalysisHook | undefined {
  if (brands.length === 0) return undefined;
  const set = new Set(brands.map(brandKey));
  return (a, ctx, dim) => {
    if (ctx.brand !== undefined && set.has(brandKey(ctx.brand))) {
      addBrandCrosses(a.features, a.tokens, ctx.brand, dim);
    }
  };
}

/** Training side: the same crosses for pool items about one of `brands`. */
export function brandCrossAugment(brands: readonly string[]) {
  const set = new Set(brands.map(brandKey));
  return (item: { text: string; brand?: string }, row: { features: Features }, dim: number) => {
    if (item.brand === undefined || !set.has(brandKey(item.brand))) return;
    addBrandCrosses(row.features, analyse(item.text, { brand: item.brand }, dim).tokens, item.brand, dim);
  };
}

/** Brands a weights file learnt brand-specific words for (`training.feedback.brands`). */
export function feedbackBrandsOf(file: { training?: Record<string, unknown> }): string[] {
  const fb = file.training?.feedback as { brands?: unknown } | undefined;
  return Array.isArray(fb?.brands) ? fb.brands.filter((b): b is string => typeof b === 'string') : [];
}

/** The same, read from a weights file on disk ([] when it has none or does not parse). */
export function feedbackBrandsAt(url: URL): string[] {
  try {
    return feedbackBrandsOf(JSON.parse(readFileSync(url, 'utf8')) as { training?: Record<string, unknown> });
  } catch {
    return [];
  }
}
