/**
 * Mentions for tests, valid as they stand: a test sets only the fields it is about, and
 * every mention gets an external id of its own unless the test names one.
 */
import { randomBytes } from 'node:crypto';
import type { MentionInput } from '@goodchatter/core';
import type { NewMentionRow } from '@goodchatter/db';

let made = 0;
// Unique across the files running in parallel on one database too (pid + random).
const RUN = `${process.pid.toString(36)}${randomBytes(3).toString('hex')}`;

/** An external id no other mention built in this run has. */
export function uniqueExternalId(prefix = 'm'): string {
  made += 1;
  return `${prefix}-${RUN}-${made}`;
}

/** A mention as a source hands it over (a score job's entry, a POST /v1/ingest item). */
export function mentionInput(over: Partial<MentionInput> = {}): MentionInput {
  return {
    source: 'replay',
    externalId: uniqueExternalId(),
    text: 'Thanks, the crew were lovely',
    author: { handle: 'someone' },
    postedAt: '2026-11-01T00:00:00Z',
    ...over,
  };
}

/** A scored mention as the scorer stores it (for insertMentions): a praise, unless told otherwise. */
export function mentionRow(over: Partial<NewMentionRow> = {}): NewMentionRow {
  return {
    source: 'replay',
    externalId: uniqueExternalId(),
    authorHandle: 'someone',
    text: 'Thanks, the crew were lovely',
    postedAt: new Date('2026-11-01T00:00:00Z'),
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
