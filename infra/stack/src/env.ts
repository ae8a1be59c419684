import { ApiEnv } from '@goodchatter/api';
import { parseEnv } from '@goodchatter/core';
import { IngestEnv } from '@goodchatter/ingest';
import { NotifierEnv } from '@goodchatter/notifier';
import { ScorerEnv } from '@goodchatter/scorer';
import type { z } from 'zod';

/** The one-process stack reads every service's settings. */
export const StackEnv = IngestEnv.extend(ScorerEnv.shape).extend(NotifierEnv.shape).extend(ApiEnv.shape);
export type StackEnv = z.infer<typeof StackEnv>;

export const loadStackEnv = (env: Record<string, string | undefined> = process.env) => parseEnv(StackEnv, env);
