/**
 * The wire shapes of /v1/queries. Intervals and lookbacks are seconds on the wire
 * (people write them), milliseconds in the database for the interval (BullMQ's unit).
 */
import { QUERY_SOURCES, QUERY_STATUSES, SCORED_LABELS } from '@goodchatter/core';
import { readsTodayOf, type TrackedQuery } from '@goodchatter/db';
import { validateBlueskyQuery, validateMastodonQuery, validateXQuery } from '@goodchatter/sources';
import { z } from 'zod';

export const QuerySource = z.enum(QUERY_SOURCES);
export const QueryStatus = z.enum(QUERY_STATUSES);

const SEVEN_DAYS = 7 * 24 * 3600;

const brand = z.string().trim().min(1, 'must not be empty').max(200).describe('The brand the mentions are about');
// Each source's own rules (X: length, quotes, parentheses) are checked in `queryProblem`.
const query = z
  .string()
  .trim()
  .max(4096)
  .describe(
    'X: a search query (≤ 512 characters, balanced quotes and parentheses). Mastodon: `#tag` or `#a OR #b` (up to 5; the public tag timeline), or any other text (full-text search; needs MASTODON_ACCESS_TOKEN). Bluesky: search text (≤ 512 characters). replay: a JSONL file path',
  );
const pollIntervalSeconds = z
  .number()
  .int()
  .min(15, 'must be at least 15 seconds')
  .max(24 * 3600, 'must be at most 86400 seconds (a day)');
const lookbackSeconds = z
  .number()
  .int()
  .min(0)
  .max(SEVEN_DAYS, `must be at most ${SEVEN_DAYS} seconds (7 days: X's recent search reaches no further)`);
/** Per-query phrase rules: a mention containing the phrase gets the label (neutral: never alerted). */
const rules = z
  .array(
    z
      .object({
        phrase: z.string().trim().min(1, 'must not be empty').max(200),
        label: z.enum(SCORED_LABELS),
      })
      .strict(),
  )
  .max(500)
  .describe('Phrases forced to a label, e.g. [{ "phrase": "united way", "label": "neutral" }]; the longest match wins');
const dailyBudget = z.number().int().min(10, "must be at least 10 (X's smallest page)").max(10_000_000);

export const CreateQueryBody = z
  .object({
    brand,
    source: QuerySource,
    query,
    enabled: z.boolean().default(true),
    pollIntervalSeconds: pollIntervalSeconds.default(60).describe('Seconds between polls'),
    lookbackSeconds: lookbackSeconds.default(3600).describe('How far back the first poll reads'),
    dailyBudget: dailyBudget
      .default(2000)
      .describe('Posts read per UTC day (X bills each); then paused until 00:00 UTC'),
    rules: rules.default([]),
  })
  .strict();

export const PatchQueryBody = z
  .object({
    brand: brand.optional(),
    query: query.optional(),
    enabled: z.boolean().optional(),
    pollIntervalSeconds: pollIntervalSeconds.optional(),
    lookbackSeconds: lookbackSeconds.optional(),
    dailyBudget: dailyBudget.optional(),
    rules: rules.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

export const QueryParams = z.object({ id: z.string().regex(/^[1-9]\d{0,8}$/, 'must be a query id') });

export const QueryView = z.object({
  id: z.number().int(),
  brand: z.string(),
  source: z.string(),
  query: z.string(),
  enabled: z.boolean(),
  pollIntervalSeconds: z.number().int(),
  lookbackSeconds: z.number().int(),
  dailyBudget: z.number().int(),
  rules: z.array(z.object({ phrase: z.string(), label: z.string() })),
  /** `active` polls; `failing` waits for an edit (see lastError); `paused` waits for pausedUntil. */
  status: QueryStatus,
  /** Where the next poll starts (opaque; an X tweet id or resume point). */
  checkpoint: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Posts read today (UTC), counted against dailyBudget. */
  readsToday: z.number().int(),
  /** No poll before this: X's rate-limit reset, or the next UTC day once the budget is spent. */
  pausedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueryView = z.infer<typeof QueryView>;

export const QueryList = z.object({ data: z.array(QueryView) });

export const PollAccepted = z.object({ queryId: z.number().int(), jobId: z.string().nullable() });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toQueryView(q: TrackedQuery, now = new Date()): QueryView {
  const paused = q.pausedUntil && q.pausedUntil > now ? q.pausedUntil : undefined;
  return {
    id: q.id,
    brand: q.brand,
    source: q.source,
    query: q.query,
    enabled: q.enabled,
    pollIntervalSeconds: Math.round(q.pollIntervalMs / 1000),
    lookbackSeconds: q.lookbackSeconds,
    dailyBudget: q.dailyBudget,
    rules: q.rules,
    // A budget pause that has ended reads as active; the next poll stores that too.
    status: q.status === 'paused' && !paused ? 'active' : QueryStatus.catch('active').parse(q.status),
    checkpoint: q.checkpoint,
    lastPolledAt: iso(q.lastPolledAt),
    lastError: q.lastError,
    readsToday: readsTodayOf(q, now),
    // A pause that has passed is history, not state.
    pausedUntil: paused ? paused.toISOString() : null,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

/** What the sources can do here, as far as a query's validity depends on it. */
export interface SourceAbilities {
  /** MASTODON_ACCESS_TOKEN is set: Mastodon answers full-text searches only for a signed-in account. */
  mastodonSearch: boolean;
}

/** Why `text` is not a usable query for `source`, in words for a 400; null when it is fine. */
export function queryProblem(source: string, text: string, abilities: SourceAbilities): string | null {
  if (source === 'x') return validateXQuery(text);
  if (source === 'mastodon') return validateMastodonQuery(text, { canSearch: abilities.mastodonSearch });
  if (source === 'bluesky') return validateBlueskyQuery(text);
  return text.trim() === '' ? 'query must not be empty' : null;
}
