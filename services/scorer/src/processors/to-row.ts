import { classify } from '@goodchatter/classifier';
import type { MentionInput } from '@goodchatter/core';
import type { NewMentionRow } from '@goodchatter/db';
import type { QueryContexts } from '../query-context.js';

/** Classifies each mention with its query's context and shapes it as a row to store. */
export async function classifyBatch(
  mentions: MentionInput[],
  ingestedAt: Date,
  contexts: QueryContexts,
): Promise<NewMentionRow[]> {
  const rows: NewMentionRow[] = [];
  for (const m of mentions) {
    const c = classify(m.text, await contexts.get(m.queryId, m.brand));
    rows.push({
      source: m.source,
      externalId: m.externalId,
      queryId: m.queryId ?? null,
      brand: m.brand ?? null,
      authorId: m.author.id ?? null,
      authorHandle: m.author.handle,
      authorName: m.author.name ?? null,
      authorFollowers: m.author.followers ?? null,
      authorVerified: m.author.verified ?? null,
      text: m.text,
      // The source's language tag is kept only when the detector had no opinion.
      lang: c.lang ?? m.lang ?? null,
      url: m.url ?? null,
      postedAt: new Date(m.postedAt),
      ingestedAt,
      label: c.label,
      score: c.score,
      confidence: c.confidence,
      reasons: c.reasons,
      staff: c.staff,
      classifierVersion: c.version,
    });
  }
  return rows;
}
