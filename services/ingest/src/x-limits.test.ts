import { buildApi } from '@goodchatter/api';
import { createRedis } from '@goodchatter/queues';
import { describe, expect, it, vi } from 'vitest';
import { getQuery, withXHarness, type XHarness } from './test/x-harness.js';

const tweets = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    text: `${tag} ${i}: @AcmeAir was great`,
    createdAt: new Date(Date.now() - i),
  }));

/** GET /v1/queries/:id through the real API on the harness's database. */
async function apiView(h: XHarness, id: number): Promise<Record<string, unknown>> {
  const redis = createRedis(h.env.redisUrl, 'producer');
  const adminKey = 'x-limits-test-admin-key';
  const app = await buildApi({ database: h.database, redis, logger: false, queuePrefix: h.env.prefix, adminKey });
  try {
    const res = await app.inject({ url: `/v1/queries/${id}`, headers: { authorization: `Bearer ${adminKey}` } });
    expect(res.statusCode).toBe(200);
    return res.json();
  } finally {
    await app.close();
    redis.disconnect();
  }
}

describe('X limits and errors', () => {
  it(
    'honours a 429: no request before the reset, the job waits delayed rather than in a worker',
    { timeout: 130_000 },
    () =>
      withXHarness(async (h) => {
        // Scheduler ticks every second, so ticks during the wait must be held back too.
        const id = await h.addQuery({ pollIntervalMs: 1000 });
        const all = h.fx.addTweets(tweets(30, 'rl'));
        h.fx.failNext({ status: 429, resetInSeconds: 3 });
        await h.ingest.syncNow();

        await expect.poll(() => h.fx.searchRequests().length, { message: 'the 429', timeout: 30_000 }).toBe(1);
        const paused = await h.pausedUntil(id);
        const resetAt = paused.getTime();
        expect(resetAt - Date.now()).toBeGreaterThan(1000);
        expect((await getQuery(h.database.db, id))?.lastError).toMatch(/X rate limit reached; resets at/);

        // The tick that met the 429 went back to the queue, delayed until the reset.
        const retry = await vi.waitFor(
          async () => {
            const job = (await h.pollQueue.getDelayed()).find((j) => j.processedOn !== undefined);
            expect(job, 'the delayed retry').toBeDefined();
            return job!;
          },
          { timeout: 30_000 },
        );
        expect(Math.abs(retry.timestamp + retry.delay - resetAt)).toBeLessThan(500);
        while (Date.now() < resetAt - 50) {
          expect(h.fx.searchRequests()).toHaveLength(1);
          // Delayed in Redis the whole time, never held by a sleeping worker.
          expect(await h.pollQueue.getJobState(retry.id as string)).toBe('delayed');
          await new Promise((r) => setTimeout(r, 20));
        }

        await expect
          .poll(async () => (await h.stored()).length, { message: 'the tweets after the reset', timeout: 10_000 })
          .toBe(all.length);
        expect(h.fx.searchRequests()[1]?.status).toBe(200);
        expect((await getQuery(h.database.db, id))?.lastError).toBeNull();
      }),
  );

  it('marks the query failing with X’s message on a 401, visible in the API, and stops polling it', () =>
    withXHarness(async (h) => {
      const id = await h.addQuery();
      h.fx.failNext({ status: 401, detail: 'Invalid or expired token.' });
      await h.pollOnce(id);
      const view = await apiView(h, id);
      expect(view.status).toBe('failing');
      expect(view.lastError).toBe('X refused the request (401): Unauthorized: Invalid or expired token.');

      h.fx.addTweets(tweets(5, 'after'));
      await h.pollOnce(id);
      await h.pollOnce(id);
      expect(h.fx.searchRequests()).toHaveLength(1);
    }));

  it('pauses a query until the next UTC day when its daily read budget is spent, and resumes where it stopped', () =>
    withXHarness(async (h) => {
      const id = await h.addQuery({ dailyBudget: 250 });
      const all = h.fx.addTweets(tweets(600, 'budget'));
      await h.pollOnce(id);
      // max_results shrinks to what the budget leaves: 100 + 100 + 50.
      expect(h.fx.searchRequests().map((r) => r.query.max_results)).toEqual(['100', '100', '50']);
      const tomorrow = new Date();
      tomorrow.setUTCHours(24, 0, 0, 0);
      const view = await apiView(h, id);
      expect(view).toMatchObject({ status: 'paused', readsToday: 250, pausedUntil: tomorrow.toISOString() });
      await h.pollOnce(id);
      expect(h.fx.searchRequests()).toHaveLength(3);

      // The next UTC day: the count starts again, and the drain resumes below the last tweet read.
      const newDay = async () => {
        await h.database.pool.query(
          "UPDATE tracked_queries SET reads_day = reads_day - 1, paused_until = now() - interval '1 second' WHERE id = $1",
          [id],
        );
        await h.pollOnce(id);
      };
      await newDay();
      expect(h.fx.searchRequests()[3]?.query.until_id).toBeDefined();
      await newDay();
      await expect
        .poll(async () => (await h.stored()).length, { message: 'every tweet stored', timeout: 30_000 })
        .toBeGreaterThanOrEqual(600);
      const stored = await h.stored();
      expect(stored.sort()).toEqual(all.map((t) => t.id).sort());
      // Each day 100 + 100 + 50, then the last 100: no tweet read twice.
      expect(h.fx.searchRequests().map((r) => r.query.max_results)).toEqual([
        '100',
        '100',
        '50',
        '100',
        '100',
        '50',
        '100',
      ]);
      expect((await getQuery(h.database.db, id))?.readsToday).toBe(100);
      expect((await getQuery(h.database.db, id))?.status).toBe('active');
    }));
});
