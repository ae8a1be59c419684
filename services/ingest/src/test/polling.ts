/**
 * What the X and the social harness do alike: run one poll to its end, read what was
 * stored, wait for a rate-limit pause, and give each test a harness of its own.
 */
import { type Database, getQuery } from '@goodchatter/db';
import type { PollJob, Queue } from '@goodchatter/queues';
import { expect, vi } from 'vitest';

/** Queues one poll of the query (one attempt) and waits until that job has finished (completed or failed). */
export async function pollOnce(pollQueue: Queue<PollJob>, queryId: number): Promise<void> {
  const job = await pollQueue.add('test-poll', { queryId }, { attempts: 1 });
  // vi.waitFor rather than expect.poll: a harness may be driven from a hook, where expect.poll is not allowed.
  await vi.waitFor(
    async () =>
      expect(['completed', 'failed'], `poll job ${job.id}`).toContain(await pollQueue.getJobState(job.id as string)),
    { timeout: 30_000 },
  );
}

/** External ids of the stored mentions, once per stored row. */
export async function storedIds(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query<{ external_id: string }>('SELECT external_id FROM mentions');
  return rows.map((r) => r.external_id);
}

/** Waits until a rate limit pauses the query; returns when the pause ends. */
export async function pausedUntil(database: Database, queryId: number): Promise<Date> {
  return vi.waitFor(
    async () => {
      const until = (await getQuery(database.db, queryId))?.pausedUntil;
      expect(until, 'the pause').toBeInstanceOf(Date);
      return until as Date;
    },
    { timeout: 30_000 },
  );
}

/** Runs `fn` on a harness of its own and closes it, whatever `fn` does. */
export async function withHarness<H extends { close(): Promise<void> }>(
  start: () => Promise<H>,
  fn: (h: H) => Promise<void>,
): Promise<void> {
  const h = await start();
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}
