/** Where a mention was set aside: `score`, by the scorer; `replay`, a replay file line. */
export const REJECT_STAGES = ['score', 'replay'] as const;
export type RejectStage = (typeof REJECT_STAGES)[number];
