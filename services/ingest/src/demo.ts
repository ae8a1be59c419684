import { type Db, ensureQuery, type TrackedQuery } from '@goodchatter/db';
import { DEMO_MENTIONS_FILE } from '@goodchatter/sources';
import type { IngestEnv } from './env.js';

/**
 * Registers the demo tracked query (the bundled sample on the replay source) when asked
 * to, or under `auto` when no source credentials are configured. Idempotent.
 */
export async function ensureDemoQuery(db: Db, env: Pick<IngestEnv, 'DEMO' | 'X_BEARER_TOKEN'>) {
  const wanted = env.DEMO === 'on' || (env.DEMO === 'auto' && !env.X_BEARER_TOKEN);
  if (!wanted) return undefined;
  const query: TrackedQuery = await ensureQuery(db, { brand: 'Demo', source: 'replay', query: DEMO_MENTIONS_FILE });
  return query;
}
