import { BaseEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const ScorerEnv = BaseEnv.extend({
  /** Score batches processed at the same time by one scorer process. */
  SCORER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
});
export type ScorerEnv = z.infer<typeof ScorerEnv>;

export const loadScorerEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(ScorerEnv, env);
