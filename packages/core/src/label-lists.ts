/**
 * A mention's label and workflow lists, with no imports: the care app's browser bundle
 * takes them from `@goodchatter/core/enums` without zod. labels.ts adds their schemas.
 */

/**
 * The labels the classifier gives a text it scored. Phrase rules force one of these, staff
 * corrections pick one, and training data is golded with them.
 */
export const SCORED_LABELS = ['praise', 'complaint', 'neutral', 'mixed'] as const;

/** What the classifier says about a mention. `unscored`: language not supported. */
export const LABELS = [...SCORED_LABELS, 'unscored'] as const;

/** Where a mention is in the care team's workflow. */
export const STATUSES = ['new', 'thanked', 'rewarded', 'dismissed'] as const;
/** Statuses that say the team acted on a mention (thanked it, or rewarded the staff named). */
export const ACTED_ON_STATUSES = ['thanked', 'rewarded'] as const satisfies readonly (typeof STATUSES)[number][];

/** What one entry of a mention's history changed: its workflow status or its label. */
export const HISTORY_KINDS = ['status', 'label'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** How a list of mentions can be ordered (each with id as the tie-break, descending). */
export const MENTION_SORTS = ['newest', 'reach', 'confidence'] as const;
export type MentionSort = (typeof MENTION_SORTS)[number];
