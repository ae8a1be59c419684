import { BaseEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const ScorerEnv = BaseEnv.extend({
  /** Score batches processed at the same time by one scorer process. */
  SCORER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Calibrated probability of praise needed to label a mention praise (0..1). Unset: the
   * classifier's shipped precision-first operating point. Lower finds more praise, with
   * more complaints mislabelled.
   */
  PRAISE_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
});
export type ScorerEnv = z.infer<typeof ScorerEnv>;

export const loadScorerEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(ScorerEnv, env);
