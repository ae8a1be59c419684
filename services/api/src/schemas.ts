import { INT4_MAX, Label, Mention, MentionStatus } from '@goodchatter/core';
import { MENTION_SORTS, type MentionFilter, type MentionRow, toMention } from '@goodchatter/db';
import { z } from 'zod';
import { HttpError } from './errors.js';
import { TimeParam } from './time-param.js';

// since/until: ISO times or plain dates (time-param.ts).
const isoTime = TimeParam;

/** Filters shared by GET /v1/mentions and GET /v1/mentions.csv. */
export const MentionFilterQuery = z.object({
  label: Label.optional(),
  status: MentionStatus.optional(),
  source: z.string().min(1).max(64).optional(),
  brand: z.string().min(1).max(200).optional(),
  queryId: z.coerce.number().int().positive().max(INT4_MAX).optional(),
  lang: z.string().min(2).max(16).optional(),
  minFollowers: z.coerce.number().int().nonnegative().max(INT4_MAX).optional(),
  staff: z.string().min(1).max(200).optional().describe('staff name praised (whole name, any case)'),
  q: z.string().min(1).max(200).optional().describe('word search in the text: words, "a phrase", -excluded'),
  since: isoTime.optional().describe('posted at or after (inclusive)'),
  until: isoTime.optional().describe('posted before (exclusive)'),
  sort: z.enum(MENTION_SORTS).default('newest').describe('newest: posted time; reach: author followers; confidence'),
});
export type MentionFilterQuery = z.infer<typeof MentionFilterQuery>;

export function toFilter(q: MentionFilterQuery): MentionFilter {
  const since = q.since ? new Date(q.since) : undefined;
  const until = q.until ? new Date(q.until) : undefined;
  if (since && until && since >= until) throw new HttpError(400, 'querystring.since: must be before until');
  const { label, status, source, brand, queryId, lang, minFollowers, staff, q: text } = q;
  return { label, status, source, brand, queryId, lang, minFollowers, staff, q: text, since, until };
}

export const MentionId = z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a mention id') });

/** A mention with its workflow fields, as GET /v1/mentions/:id and PATCH answer. */
export const MentionDetail = Mention.extend({
  predictedLabel: Label,
  statusNote: z.string().nullable(),
  statusBy: z.string().nullable(),
  statusAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const toMentionDetail = (row: MentionRow): z.infer<typeof MentionDetail> => ({
  ...toMention(row),
  predictedLabel: row.label as Label,
  statusNote: row.statusNote,
  statusBy: row.statusBy,
  statusAt: row.statusAt?.toISOString() ?? null,
  overrideReason: row.overrideReason,
});

/** Report ranges default to the last 30 days. */
export const RangeQuery = z.object({
  since: isoTime.optional().describe('posted at or after; default 30 days ago'),
  until: isoTime.optional().describe('posted before; default now'),
  brand: z.string().min(1).max(200).optional(),
});

export function toRange(q: z.infer<typeof RangeQuery>) {
  const until = q.until ? new Date(q.until) : new Date();
  const since = q.since ? new Date(q.since) : new Date(until.getTime() - 30 * 86_400_000);
  if (since >= until) throw new HttpError(400, 'querystring.since: must be before until');
  return { since, until, brand: q.brand };
}

/**
 * Sends a body Postgres already rendered as JSON: Fastify passes strings through without
 * serialising. The route's response schema still documents the parsed shape; `never`
 * is the one cast that says "this string is that shape, rendered".
 */
export const renderedJson = (json: string) => json as never;
