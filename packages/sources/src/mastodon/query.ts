/**
 * Mastodon query forms. `#tag`, or several joined by OR (`#acmeair OR #acme`), reads the
 * public tag timeline: no token needed, and every public post carrying a tag is there. Any
 * other text is a full-text search, which Mastodon answers only for a signed-in account.
 */

/** Mastodon's tag timeline takes one tag plus up to 4 more in `any[]`. */
export const MASTODON_MAX_TAGS = 5;
export const MASTODON_QUERY_MAX_LENGTH = 500;

export type MastodonQuery = { kind: 'tags'; tags: string[] } | { kind: 'search'; q: string };

// Mastodon's hashtags: letters (any script, with their marks), digits and underscores.
const TAG = '#[\\p{L}\\p{M}\\p{N}_]+';
const TAGS_ONLY = new RegExp(`^${TAG}(?:\\s+OR\\s+${TAG})*$`, 'iu');

export function parseMastodonQuery(text: string): MastodonQuery {
  const trimmed = text.trim();
  if (!TAGS_ONLY.test(trimmed)) return { kind: 'search', q: trimmed };
  // Mastodon matches tags without regard to case.
  const tags = [...trimmed.matchAll(new RegExp(TAG, 'gu'))].map((m) => m[0].slice(1).toLowerCase());
  return { kind: 'tags', tags: [...new Set(tags)] };
}

/**
 * Checks a Mastodon query before it is stored; returns the reason for a 400, or null.
 * `canSearch`: whether a MASTODON_ACCESS_TOKEN is configured.
 */
export function validateMastodonQuery(text: string, { canSearch }: { canSearch: boolean }): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'query must not be empty';
  if (trimmed.length > MASTODON_QUERY_MAX_LENGTH) {
    return `query is ${trimmed.length} characters; at most ${MASTODON_QUERY_MAX_LENGTH}`;
  }
  const parsed = parseMastodonQuery(trimmed);
  if (parsed.kind === 'tags' && parsed.tags.length > MASTODON_MAX_TAGS) {
    return `query has ${parsed.tags.length} #tags; Mastodon's tag timeline takes at most ${MASTODON_MAX_TAGS}`;
  }
  if (parsed.kind === 'search' && !canSearch) {
    return 'a Mastodon search (any query but #tags, e.g. "#acmeair OR #acme") needs MASTODON_ACCESS_TOKEN: Mastodon searches posts only for a signed-in account';
  }
  return null;
}
