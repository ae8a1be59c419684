import type { ClassifyContext, PhraseRule } from '@goodchatter/classifier';
import { SCORED_LABELS } from '@goodchatter/core';
import { type Db, getQuery, type TrackedQuery } from '@goodchatter/db';

/** Rules are stored as JSON: one with a label no longer known is skipped, not applied. */
const RULE_LABELS: ReadonlySet<string> = new Set(SCORED_LABELS);

/**
 * Brand names and handles a tracked query names: its @handles, #hashtags and quoted
 * phrases ("@AcmeAir OR \"Acme Air\"" → @AcmeAir, Acme Air). They are never sentiment words.
 */
export function brandTermsOf(q: Pick<TrackedQuery, 'source' | 'query' | 'brand'>): string[] {
  if (q.source === 'replay') return [q.brand];
  const terms = new Set<string>([q.brand]);
  for (const m of q.query.matchAll(/(?:^|[\s(])([@#][A-Za-z0-9_]+)/g)) if (m[1]) terms.add(m[1]);
  for (const m of q.query.matchAll(/"([^"]+)"/g)) if (m[1]) terms.add(m[1]);
  return [...terms];
}

export interface QueryContexts {
  /** The classifier context for mentions of this query (brand terms, phrase rules). */
  get(queryId: number | undefined, brand: string | undefined): Promise<ClassifyContext>;
}

/**
 * Per-query classifier contexts, read from tracked_queries and kept for `ttlMs`, so a
 * batch costs one look-up per query at most and edited rules apply within the TTL.
 * The same rules array is handed out while cached: the classifier compiles rules per array.
 */
export function createQueryContexts(db: Db, opts: { ttlMs?: number; praiseThreshold?: number } = {}): QueryContexts {
  const ttl = opts.ttlMs ?? 30_000;
  const cache = new Map<number, { at: number; ctx: Promise<ClassifyContext> }>();
  const base: ClassifyContext = opts.praiseThreshold === undefined ? {} : { praiseThreshold: opts.praiseThreshold };

  async function load(queryId: number): Promise<ClassifyContext> {
    const q = await getQuery(db, queryId);
    if (!q) return base;
    const rules = (q.rules ?? []).filter((r): r is PhraseRule => RULE_LABELS.has(r.label) && r.phrase.trim() !== '');
    return { ...base, brand: q.brand, brandTerms: brandTermsOf(q), rules };
  }

  return {
    async get(queryId, brand) {
      if (queryId === undefined) return brand ? { ...base, brand } : base;
      const hit = cache.get(queryId);
      if (hit && Date.now() - hit.at < ttl) return withBrand(await hit.ctx, brand);
      const ctx = load(queryId).catch((err) => {
        cache.delete(queryId);
        throw err;
      });
      cache.set(queryId, { at: Date.now(), ctx });
      return withBrand(await ctx, brand);
    },
  };
}

/** A mention's own brand (push ingest, multi-brand replay files) wins over the query's. */
function withBrand(ctx: ClassifyContext, brand: string | undefined): ClassifyContext {
  return brand && brand !== ctx.brand ? { ...ctx, brand } : ctx;
}
