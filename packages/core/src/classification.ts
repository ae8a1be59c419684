import { z } from 'zod';
import { Label } from './labels.js';

/** What the classifier returns for one text; stored with the mention. */
export const Classification = z.object({
  label: Label,
  /** Signed sentiment strength; positive leans praise. */
  score: z.number(),
  /** Calibrated 0..1 confidence in `label`. */
  confidence: z.number().min(0).max(1),
  /** Human-readable reasons, e.g. "praise phrase 'you rock'". */
  reasons: z.array(z.string()),
  /** Staff names praised in the text. */
  staff: z.array(z.string()),
  /** Detected language (ISO 639-1) or null when unknown. */
  lang: z.string().nullable(),
  /** Classifier (rules + weights) version that produced this. */
  version: z.string(),
});
export type Classification = z.infer<typeof Classification>;
