import { z } from 'zod';

import { LABELS, SCORED_LABELS, STATUSES } from './label-lists.js';

export * from './label-lists.js';

export const ScoredLabel = z.enum(SCORED_LABELS);
export type ScoredLabel = z.infer<typeof ScoredLabel>;
export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;
export const MentionStatus = z.enum(STATUSES);
export type MentionStatus = z.infer<typeof MentionStatus>;
