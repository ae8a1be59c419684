import type { SourceQuery } from '../adapter.js';

/** A tracked query for Acme Air on `source`, looking an hour back; `over` changes any part. */
export const sourceQuery = (source: string, query: string, over: Partial<SourceQuery> = {}): SourceQuery => ({
  id: 7,
  brand: 'Acme Air',
  source,
  query,
  lookbackSeconds: 3600,
  ...over,
});
