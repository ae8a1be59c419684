import { type Db, ensureQuery, type TrackedQuery } from '@goodchatter/db';
import { DEMO_MENTIONS_FILE } from '@goodchatter/sources';
import type { IngestEnv } from './env.js';

type DemoSettings = Pick<IngestEnv, 'DEMO' | 'X_BEARER_TOKEN'> &
  Partial<Pick<IngestEnv, 'MASTODON_URL' | 'BLUESKY_IDENTIFIER'>>;

/** `on`, or `auto` with no real source configured (X, Mastodon or Bluesky). */
export const wantsDemo = (env: DemoSettings) =>
  env.DEMO === 'on' || (env.DEMO === 'auto' && !(env.X_BEARER_TOKEN || env.MASTODON_URL || env.BLUESKY_IDENTIFIER));

/**
 * Registers the demo tracked query (the bundled sample on the replay source) when asked
 * to, or under `auto` when no real source is configured. Idempotent.
 */
export async function ensureDemoQuery(db: Db, env: DemoSettings) {
  if (!wantsDemo(env)) return undefined;
  const query: TrackedQuery = await ensureQuery(db, { brand: 'Demo', source: 'replay', query: DEMO_MENTIONS_FILE });
  return query;
}
