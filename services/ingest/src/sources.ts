import type { SourceAdapter } from '@goodchatter/sources';
import { ReplaySource } from '@goodchatter/sources';
import type { Logger } from 'pino';
import type { IngestEnv } from './env.js';

/** The source adapters this process can poll, by tracked-query `source`. */
export function buildSources(env: IngestEnv, logger: Logger): Record<string, SourceAdapter> {
  const sources: Record<string, SourceAdapter> = {
    replay: new ReplaySource({
      batchSize: env.SCORE_BATCH_SIZE,
      onBadLine: ({ file, line, error }) => logger.warn({ file, line, error }, `skipped malformed line ${line}`),
    }),
  };
  return sources;
}
