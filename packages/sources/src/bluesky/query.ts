/** Bluesky query text: handed to searchPosts as is (its syntax is Bluesky's: words, "phrases", from:, #tags). */

export const BLUESKY_QUERY_MAX_LENGTH = 512;

/** Checks a Bluesky query before it is stored; returns the reason for a 400, or null. */
export function validateBlueskyQuery(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'query must not be empty';
  if (trimmed.length > BLUESKY_QUERY_MAX_LENGTH) {
    return `query is ${trimmed.length} characters; at most ${BLUESKY_QUERY_MAX_LENGTH}`;
  }
  return null;
}
