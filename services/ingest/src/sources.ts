import { DEMO_MENTIONS_FILE, ReplaySource, type SourceAdapter, XSourceAdapter } from '@goodchatter/sources';
import type { Logger } from 'pino';
import type { IngestEnv } from './env.js';

/** The source adapters this process can poll, by tracked-query `source`. */
export function buildSources(env: IngestEnv, logger: Logger): Record<string, SourceAdapter> {
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
  return sources;
}
