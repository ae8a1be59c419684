import { z } from 'zod';
import { Label, MentionStatus } from './labels.js';
import { INT4_MAX, isStorableText, storableInstant, storableText, UNSTORABLE_TEXT } from './storable.js';

export const Author = z.object({
  id: storableText().min(1).max(128).optional(),
  handle: storableText().min(1).max(256),
  name: storableText().max(512).optional(),
  followers: z.number().int().nonnegative().max(INT4_MAX).optional(),
  verified: z.boolean().optional(),
});
export type Author = z.infer<typeof Author>;

/**
 * A post as a source hands it over, before scoring. (source, externalId) identifies it
 * everywhere: storing is idempotent on that pair. Every field fits its column (no NUL or
 * unpaired surrogate, 32-bit integers, posted from 1970 on), so a mention that passes can
 * be stored.
 */
export const MentionInput = z.object({
  source: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . -'),
  externalId: storableText().min(1).max(256),
  text: storableText().min(1).max(10_000),
  author: Author,
  postedAt: storableInstant(),
  url: z.url().max(2048).refine(isStorableText, UNSTORABLE_TEXT).optional(),
  lang: storableText().min(2).max(16).optional(),
  brand: storableText().min(1).max(200).optional(),
  queryId: z.number().int().positive().max(INT4_MAX).optional(),
});
export type MentionInput = z.infer<typeof MentionInput>;

/** A stored, scored mention as the API shows it. */
export const Mention = MentionInput.extend({
  id: z.string(),
  ingestedAt: z.string(),
  scoredAt: z.string().nullable(),
  label: Label,
  score: z.number(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  staff: z.array(z.string()),
  lang: z.string().nullable().optional(),
  classifierVersion: z.string(),
  status: MentionStatus,
});
export type Mention = z.infer<typeof Mention>;
