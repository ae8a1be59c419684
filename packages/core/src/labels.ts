import { z } from 'zod';

/** What the classifier says about a mention. `unscored`: language not supported. */
export const LABELS = ['praise', 'complaint', 'neutral', 'mixed', 'unscored'] as const;
export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

/** Where a mention is in the care team's workflow. */
export const STATUSES = ['new', 'thanked', 'rewarded', 'dismissed'] as const;
export const MentionStatus = z.enum(STATUSES);
export type MentionStatus = z.infer<typeof MentionStatus>;
