import type { MentionInput } from '@goodchatter/core';
import { type Database, findUnalertedPraise, insertMentions } from '@goodchatter/db';
import type { NotifyJob, Queue, ScoreJob } from '@goodchatter/queues';
import type { QueryContexts } from '../query-context.js';
import { classifyBatch } from './to-row.js';

export interface ScoreDeps {
  database: Database;
  notifyQueue: Queue<NotifyJob>;
  contexts: QueryContexts;
}

export interface ScoreOutcome {
  received: number;
  inserted: number;
  alerts: number;
}

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
 * Classifies and stores a batch, then enqueues one notify job per praise not yet alerted.
 * Safe to run twice on the same batch (a retry after a crash): stored rows stay as they
 * are, and praise whose notify job may have been lost is found again by its missing
 * `alerted_at`; the job id `praise-<id>` keeps a second enqueue from making a second job.
 */
export async function scoreBatch(deps: ScoreDeps, job: ScoreJob): Promise<ScoreOutcome> {
  const batch = uniqueByKey(job.mentions);
  const ingestedAt = new Date(job.enqueuedAt);
  const inserted = await insertMentions(deps.database.db, await classifyBatch(batch, ingestedAt, deps.contexts));
  const praise = new Set(inserted.filter((r) => r.label === 'praise').map((r) => r.id));
  if (inserted.length < batch.length) {
    for (const id of await findUnalertedPraise(deps.database.db, batch)) praise.add(id);
  }
  if (praise.size > 0) {
    await deps.notifyQueue.addBulk(
      [...praise].map((mentionId) => ({
        name: 'praise',
        data: { mentionId, event: 'mention.praise' as const },
        opts: { jobId: `praise-${mentionId}` },
      })),
    );
  }
  return { received: job.mentions.length, inserted: inserted.length, alerts: praise.size };
}
