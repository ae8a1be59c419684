import { BaseEnv, parseEnv } from '@goodchatter/core';
import { z } from 'zod';

export const ApiEnv = BaseEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Interface to listen on. Loopback by default; the container image sets 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

export const loadApiEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(ApiEnv, env);
