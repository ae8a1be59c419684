/**
 * Where a tracked query reads from. A mention's own `source` is any name (push ingest
 * chooses its own); these are the ones ingest can poll.
 */
export const QUERY_SOURCES = ['x', 'mastodon', 'bluesky', 'replay'] as const;
export type QuerySource = (typeof QUERY_SOURCES)[number];

/**
 * A tracked query's polling state. `failing`: the source refused it (a bad query) and it
 * waits for an edit; `paused`: its daily budget is spent or it was switched off.
 */
export const QUERY_STATUSES = ['active', 'failing', 'paused'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];
