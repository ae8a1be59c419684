import { z } from 'zod';

/**
 * The labels the classifier gives a text it scored. Phrase rules force one of these, staff
 * corrections pick one, and training data is golded with them.
 */
export const SCORED_LABELS = ['praise', 'complaint', 'neutral', 'mixed'] as const;
export const ScoredLabel = z.enum(SCORED_LABELS);
export type ScoredLabel = z.infer<typeof ScoredLabel>;

/** What the classifier says about a mention. `unscored`: language not supported. */
export const LABELS = [...SCORED_LABELS, 'unscored'] as const;
export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

/** Where a mention is in the care team's workflow. */
export const STATUSES = ['new', 'thanked', 'rewarded', 'dismissed'] as const;
export const MentionStatus = z.enum(STATUSES);
export type MentionStatus = z.infer<typeof MentionStatus>;

/** What one entry of a mention's history changed: its workflow status or its label. */
export const HISTORY_KINDS = ['status', 'label'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
