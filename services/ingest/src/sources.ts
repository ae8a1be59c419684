import {
  BlueskySourceAdapter,
  DEMO_MENTIONS_FILE,
  MastodonSourceAdapter,
  ReplaySource,
  type SourceAdapter,
  XSourceAdapter,
} from '@goodchatter/sources';
import type { Logger } from 'pino';
import { assertSourceSettings, type IngestEnv } from './env.js';

/** The source adapters this process can poll, by tracked-query `source`. */
export function buildSources(env: IngestEnv, logger: Logger): Record<string, SourceAdapter> {
  // Again here: the one-process stack parses its settings with its own schema.
  assertSourceSettings(env);
  const sources: Record<string, SourceAdapter> = {
    replay: new ReplaySource({
      batchSize: env.SCORE_BATCH_SIZE,
      onBadLine: ({ file, line, error }) => logger.warn({ file, line, error }, `skipped malformed line ${line}`),
      // The bundled demo sample is weeks old: replay it as fresh chatter.
      asRecent: (file) => file === DEMO_MENTIONS_FILE,
    }),
  };
  if (env.X_BEARER_TOKEN)
    sources.x = new XSourceAdapter({ bearerToken: env.X_BEARER_TOKEN, baseUrl: env.X_API_BASE_URL });
  if (env.MASTODON_URL) {
    sources.mastodon = new MastodonSourceAdapter({ url: env.MASTODON_URL, accessToken: env.MASTODON_ACCESS_TOKEN });
  }
  if (env.BLUESKY_IDENTIFIER && env.BLUESKY_APP_PASSWORD) {
    sources.bluesky = new BlueskySourceAdapter({
      service: env.BLUESKY_SERVICE,
      identifier: env.BLUESKY_IDENTIFIER,
      appPassword: env.BLUESKY_APP_PASSWORD,
    });
  }
  return sources;
}
