import type { Label, Mention, MentionStatus } from '@goodchatter/core';
import type { MentionRow } from '../schema/mentions.js';

/** A stored row as the API and webhooks show it (the label override wins over the prediction). */
export function toMention(row: MentionRow): Mention {
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
    confidence: row.confidence,
    reasons: row.reasons,
    staff: row.staff,
    classifierVersion: row.classifierVersion,
    status: row.status as MentionStatus,
  };
}
