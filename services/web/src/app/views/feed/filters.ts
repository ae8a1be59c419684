import { MENTION_SORTS, type MentionSort } from '@goodchatter/core/enums';
import type { MentionFilters } from '../../api/endpoints';
import type { Mention } from '../../api/types';

/** The two triage views: fresh praise (the feed) and fresh complaints. */
export type FeedMode = 'praise' | 'complaints';

export interface Filters {
  brand: string;
  source: string;
  label: string;
  status: string;
  staff: string;
  q: string;
  /** `best`: the feed's reward-worthiness order; or a /v1/mentions sort. */
  sort: 'best' | MentionSort;
}

export const FILTER_KEYS = ['brand', 'source', 'label', 'status', 'staff', 'q', 'sort'] as const;

export const defaultsFor = (mode: FeedMode): Filters => ({
  brand: '',
  source: '',
  label: mode === 'praise' ? 'praise' : 'complaint',
  status: 'new',
  staff: '',
  q: '',
  sort: mode === 'praise' ? 'best' : 'newest',
});

const SORTS = new Set<string>(['best', ...MENTION_SORTS]);

/** Filters from the query string; what is absent takes the view's default. */
export function filtersFrom(query: URLSearchParams, mode: FeedMode): Filters {
  const f = defaultsFor(mode);
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v === null) continue;
    if (k === 'sort') f.sort = SORTS.has(v) ? (v as Filters['sort']) : f.sort;
    else f[k] = v === 'any' ? '' : v;
  }
  return f;
}

/** The query string for filters: only what differs from the defaults (`any` for a cleared default). */
export function queryFor(f: Filters, mode: FeedMode): Record<string, string | undefined> {
  const d = defaultsFor(mode);
  const out: Record<string, string | undefined> = {};
  for (const k of FILTER_KEYS) if (f[k] !== d[k]) out[k] = f[k] === '' ? 'any' : f[k];
  return out;
}

/**
 * The ranked feed (`/v1/feed`) is fresh praise, best first, optionally for one brand and one
 * source; any other filter or order is a search in `/v1/mentions`.
 */
export function usesRankedFeed(f: Filters): boolean {
  return f.sort === 'best' && f.label === 'praise' && f.status === 'new' && !f.staff && !f.q;
}

export function mentionQuery(f: Filters): MentionFilters {
  return {
    brand: f.brand || undefined,
    source: f.source || undefined,
    label: f.label || undefined,
    status: f.status || undefined,
    staff: f.staff || undefined,
    q: f.q || undefined,
    sort: f.sort === 'best' ? 'confidence' : f.sort,
  };
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * Whether a live mention belongs in the view. Text search is the server's (stemming,
 * phrases), so a view searching text counts live arrivals instead of guessing.
 */
export function matchesLive(m: Mention, f: Filters): boolean | 'unknown' {
  if (f.label && m.label !== f.label) return false;
  if (f.status && m.status !== f.status) return false;
  if (f.brand && !(m.brand && same(m.brand, f.brand))) return false;
  if (f.source && !same(m.source, f.source)) return false;
  if (f.staff && !m.staff.some((s) => same(s, f.staff))) return false;
  return f.q ? 'unknown' : true;
}

/** Whether a mention changed in the view still belongs there. */
export function stillMatches(m: Mention, f: Filters): boolean {
  return (!f.label || m.label === f.label) && (!f.status || m.status === f.status);
}
