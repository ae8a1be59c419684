import type { MentionInput } from '@goodchatter/core';
import { type Database, findUnalertedMentions, insertMentions } from '@goodchatter/db';
import { type NotifyJob, publishStoredMentions, type Queue, type ScoreJob } from '@goodchatter/queues';
import type { Redis } from 'ioredis';
import type { QueryContexts } from '../query-context.js';
import { classifyBatch } from './to-row.js';

export interface ScoreDeps {
  database: Database;
  notifyQueue: Queue<NotifyJob>;
  contexts: QueryContexts;
  /** Where newly stored mentions are announced for the API's live stream. */
  events?: { redis: Redis; prefix: string };
}

export interface ScoreOutcome {
  received: number;
  inserted: number;
  alerts: number;
}

/** Labels that raise a webhook event when a mention is newly stored with them. */
const ALERTING = new Set(['praise', 'complaint']);

/** The same (source, externalId) twice in one batch would make the insert fail: keep the first. */
function uniqueByKey(mentions: MentionInput[]): MentionInput[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.source}\u0000${m.externalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Classifies and stores a batch, then enqueues one notify job per praise or complaint not
 * yet alerted. Safe to run twice on the same batch (a retry after a crash): stored rows
 * stay as they are, and alerts whose notify job may have been lost are found again by
 * their missing `alerted_at`; the job id `<label>-<id>` keeps a second enqueue from making
 * a second job.
 */
export async function scoreBatch(deps: ScoreDeps, job: ScoreJob): Promise<ScoreOutcome> {
  const batch = uniqueByKey(job.mentions);
  const ingestedAt = new Date(job.enqueuedAt);
  const inserted = await insertMentions(deps.database.db, await classifyBatch(batch, ingestedAt, deps.contexts));
  const alerts = new Map<number, string>();
  for (const r of inserted) if (ALERTING.has(r.label)) alerts.set(r.id, r.label);
  if (inserted.length < batch.length) {
    for (const r of await findUnalertedMentions(deps.database.db, batch)) alerts.set(r.id, r.label);
  }
  if (alerts.size > 0) {
    await deps.notifyQueue.addBulk(
      [...alerts].map(([mentionId, label]) => ({
        name: label,
        data: { mentionId, event: label === 'praise' ? ('mention.praise' as const) : ('mention.complaint' as const) },
        opts: { jobId: `${label}-${mentionId}` },
      })),
    );
  }
  // Only rows this call inserted: a retried batch never announces a mention twice.
  if (deps.events) await publishStoredMentions(deps.events.redis, inserted, deps.events.prefix);
  return { received: job.mentions.length, inserted: inserted.length, alerts: alerts.size };
}
