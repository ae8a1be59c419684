import type { Label, Mention, MentionStatus } from '@goodchatter/core';
import { STAFF_REASON } from '../schema/mention-rank.js';
import type { MentionRow } from '../schema/mentions.js';

/**
 * A stored row as the API and webhooks show it. A staff label override wins over the
 * prediction and is shown as certain: confidence 1, reason "set by staff" (the classifier's
 * own label stays readable as `predictedLabel` on the detail view). `score` stays the
 * classifier's. Must match MENTION_JSON_SQL (mention-json.ts).
 */
export function toMention(row: MentionRow): Mention {
  const overridden = row.labelOverride !== null;
  return {
    id: String(row.id),
    source: row.source,
    externalId: row.externalId,
    queryId: row.queryId ?? undefined,
    brand: row.brand ?? undefined,
    author: {
      id: row.authorId ?? undefined,
      handle: row.authorHandle,
      name: row.authorName ?? undefined,
      followers: row.authorFollowers ?? undefined,
      verified: row.authorVerified ?? undefined,
    },
    text: row.text,
    lang: row.lang,
    url: row.url ?? undefined,
    postedAt: row.postedAt.toISOString(),
    ingestedAt: row.ingestedAt.toISOString(),
    scoredAt: row.scoredAt.toISOString(),
    label: (row.labelOverride ?? row.label) as Label,
    score: row.score,
    confidence: overridden ? 1 : row.confidence,
    reasons: overridden ? [STAFF_REASON] : row.reasons,
    staff: row.staff,
    classifierVersion: row.classifierVersion,
    status: row.status as MentionStatus,
  };
}
