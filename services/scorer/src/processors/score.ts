import { ALERTING_LABELS, type AlertingLabel, alertEventOf, MentionInput } from '@goodchatter/core';
import { type Database, findUnalertedMentions, type Rejection, recordRejections } from '@goodchatter/db';
import { publishStoredMentions } from '@goodchatter/live-events';
import type { NotifyJob, Queue, RedisConnection, ScoreJob } from '@goodchatter/queues';
import type { Logger } from 'pino';
import type { QueryContexts } from '../query-context.js';
import { storeIsolated } from './store-isolated.js';
import { classifyBatch } from './to-row.js';

export interface ScoreDeps {
  database: Database;
  notifyQueue: Queue<NotifyJob>;
  contexts: QueryContexts;
  /** Where newly stored mentions are announced for the API's live stream. */
  events?: { redis: RedisConnection; prefix: string };
  logger?: Logger;
}

export interface ScoreOutcome {
  received: number;
  inserted: number;
  alerts: number;
  /** Items set aside as dead letters (invalid, or refused by Postgres). */
  rejected: number;
}

const ALERTING: ReadonlySet<string> = new Set(ALERTING_LABELS);
const isAlerting = (label: string): label is AlertingLabel => ALERTING.has(label);

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
  // 1. Validate item by item: a bad one becomes a dead letter, the rest go on.
  const valid: MentionInput[] = [];
  const rejections: Rejection[] = [];
  for (const item of job.mentions) {
    const parsed = MentionInput.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      rejections.push({ stage: 'score', item, reason: `${issue?.path.join('.') || 'mention'}: ${issue?.message}` });
    }
  }
  const batch = uniqueByKey(valid);
  const ingestedAt = new Date(job.enqueuedAt);
  // 2. Store; rows Postgres refuses are isolated one by one.
  const stored = await storeIsolated(deps.database, await classifyBatch(batch, ingestedAt, deps.contexts));
  const inserted = stored.inserted;
  rejections.push(...stored.rejected);
  // Recorded before alerting: a retry after a crash here records them again, which only
  // duplicates a dead letter, never a mention.
  if (rejections.length > 0) {
    await recordRejections(deps.database.db, rejections);
    deps.logger?.warn({ rejected: rejections.length, first: rejections[0]?.reason }, 'mentions set aside as rejected');
  }
  const alerts = new Map<number, AlertingLabel>();
  for (const r of inserted) if (isAlerting(r.label)) alerts.set(r.id, r.label);
  if (inserted.length < batch.length) {
    for (const r of await findUnalertedMentions(deps.database.db, batch))
      if (isAlerting(r.label)) alerts.set(r.id, r.label);
  }
  if (alerts.size > 0) {
    await deps.notifyQueue.addBulk(
      [...alerts].map(([mentionId, label]) => ({
        name: label,
        data: { mentionId, event: alertEventOf(label) },
        opts: { jobId: `${label}-${mentionId}` },
      })),
    );
  }
  // Only rows this call inserted: a retried batch never announces a mention twice.
  if (deps.events) await publishStoredMentions(deps.events.redis, inserted, deps.events.prefix);
  return { received: job.mentions.length, inserted: inserted.length, alerts: alerts.size, rejected: rejections.length };
}
