/**
 * X search query rules: what we accept from users, and the query we actually send.
 */

/** X's limit for recent search with standard (Basic/Pro) access. */
export const X_QUERY_MAX_LENGTH = 512;

const RETWEET_OPERATOR = /(^|[\s(])-?is:retweet\b/i;

/**
 * The query sent to X: the user's query, with retweets excluded unless the user already
 * said something about them (`is:retweet` or `-is:retweet`). The user's query is wrapped
 * in parentheses because X binds AND tighter than OR: `a OR b -is:retweet` would only
 * filter retweets of `b`.
 */
export function buildSearchQuery(query: string): string {
  const trimmed = query.trim();
  if (RETWEET_OPERATOR.test(trimmed)) return trimmed;
  return `(${trimmed}) -is:retweet`;
}

/**
 * Checks a user's X query before it is stored. Returns an error message for people
 * (shown in 400 responses), or null when the query is acceptable. Checks only what X
 * would otherwise reject on every poll: emptiness, length (including the retweet rule we
 * add), unbalanced double quotes and parentheses.
 */
export function validateXQuery(q: string): string | null {
  const trimmed = q.trim();
  if (trimmed === '') return 'query must not be empty';
  if (trimmed.length > X_QUERY_MAX_LENGTH) {
    return `query is ${trimmed.length} characters; X allows at most ${X_QUERY_MAX_LENGTH}`;
  }
  const sent = buildSearchQuery(trimmed);
  if (sent.length > X_QUERY_MAX_LENGTH) {
    return `query is ${trimmed.length} characters; with the "(…) -is:retweet" rule added it exceeds X's ${X_QUERY_MAX_LENGTH}; shorten it or say "is:retweet"/"-is:retweet" yourself`;
  }
  // Parentheses inside a quoted phrase are literal text, so track quotes first.
  let inQuote = false;
  let depth = 0;
  for (const ch of trimmed) {
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === '(') depth += 1;
    else if (!inQuote && ch === ')') {
      depth -= 1;
      if (depth < 0) return 'query has a ")" without a matching "("';
    }
  }
  if (inQuote) return 'query has an unclosed double quote (")';
  if (depth > 0) return 'query has a "(" without a matching ")"';
  if (/^\(\s*\)$/.test(trimmed) || trimmed === '""') return 'query must not be empty';
  return null;
}
