import type { NewMentionRow } from '../schema/mentions.js';

/** A scored praise mention as the scorer stores it; `over` sets what a test is about. */
export function mentionRow(externalId: string, over: Partial<NewMentionRow> = {}): NewMentionRow {
  return {
    source: 'replay',
    externalId,
    brand: 'Acme Air',
    authorHandle: `user_${externalId}`,
    text: `mention ${externalId}`,
    postedAt: new Date(Date.UTC(2026, 10, 1)),
    ingestedAt: new Date(),
    label: 'praise',
    score: 2,
    confidence: 0.9,
    reasons: ['test'],
    staff: [],
    classifierVersion: 'test',
    ...over,
  };
}
