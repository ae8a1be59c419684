import { BaseEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const ApiEnv = BaseEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Interface to listen on; 0.0.0.0 so a container's published port reaches it. */
  HOST: z.string().min(1).default('0.0.0.0'),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

export const loadApiEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(ApiEnv, env);
