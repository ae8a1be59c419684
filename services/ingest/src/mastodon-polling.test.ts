/**
 * Polling Mastodon end to end: the real adapter over loopback HTTP to the fake Mastodon,
 * the poll worker, the scorer storing rows, and the API showing them.
 */
import { requestPollNow } from '@goodchatter/queues';
import { describe, expect, it } from 'vitest';
import { getQuery, withSocialHarness } from './test/social-harness.js';

/** `n` statuses tagged #AcmeAir, a second apart, the newest `ageSeconds` old. */
const statuses = (n: number, tag: string, ageSeconds = 30) =>
  Array.from({ length: n }, (_, i) => ({
    text: `${tag} ${i}: thank you #AcmeAir, lovely crew`,
    createdAt: new Date(Date.now() - (ageSeconds + n - i) * 1000),
    account: { username: `fan_${tag}_${i % 7}`, displayName: `Fan ${i % 7}`, followers: 100 + (i % 7) },
  }));
const sorted = (ids: string[]) => [...ids].sort();

describe('polling Mastodon', () => {
  it(
    'stores every status once across pages, a burst between polls and a failed page; skips boosts and non-public',
    { timeout: 120_000 },
    () =>
      withSocialHarness(async (h) => {
        const id = await h.addQuery({ source: 'mastodon', query: '#AcmeAir' });
        const first = h.fm.addStatuses(statuses(100, 'first', 600));
        h.fm.addStatuses([
          { reblogOf: first[0], tags: ['acmeair'] },
          { text: 'quietly #AcmeAir', visibility: 'unlisted' },
        ]);
        await h.pollOnce(id);
        await expect
          .poll(async () => (await h.stored()).length, { message: 'first poll stored', timeout: 30_000 })
          .toBeGreaterThanOrEqual(100);
        expect(h.fm.apiRequests()).toHaveLength(3); // 40 + 40 + 22

        // More than a page arrives; the second page of the next poll answers 503 once and
        // the job's retry reads again from the saved checkpoint.
        const burst = h.fm.addStatuses(statuses(130, 'burst', 5));
        h.fm.failNext({ delayMs: 0 });
        h.fm.failNext({ status: 503 });
        await requestPollNow(h.pollQueue, id);
        await expect
          .poll(async () => (await h.stored()).length, { message: 'the burst stored', timeout: 45_000 })
          .toBeGreaterThanOrEqual(230);
        // The newest id read: the boost and the unlisted post, added after the burst's posting times.
        const newest = h.fm.statuses[0]?.id;
        await expect
          .poll(async () => JSON.parse((await getQuery(h.database.db, id))?.checkpoint ?? '{}').seen?.[0], {
            message: 'checkpoint saved',
            timeout: 30_000,
          })
          .toBe(newest);
        await h.pollOnce(id);
        await new Promise((r) => setTimeout(r, 300)); // a stray repeat would be stored by now

        const stored = await h.stored();
        expect(stored).toHaveLength(230);
        expect(sorted(stored)).toEqual(sorted([...first, ...burst].map((s) => s.uri)));
        const q = await getQuery(h.database.db, id);
        expect(q).toMatchObject({ status: 'active', lastError: null });

        const { rows } = await h.database.pool.query(
          'SELECT text, author_handle, author_name, author_followers, url, lang, source FROM mentions WHERE external_id = $1',
          [first[3]?.uri],
        );
        expect(rows[0]).toEqual({
          text: 'first 3: thank you #AcmeAir, lovely crew',
          author_handle: 'fan_first_3',
          author_name: 'Fan 3',
          author_followers: 103,
          url: first[3]?.url,
          lang: 'en',
          source: 'mastodon',
        });
      }),
  );

  it('honours a 429: no request before X-RateLimit-Reset, the job waiting delayed', { timeout: 120_000 }, () =>
    withSocialHarness(async (h) => {
      // Ticks every second, so ticks during the wait must be held back too.
      const id = await h.addQuery({ source: 'mastodon', query: '#AcmeAir', pollIntervalMs: 1000 });
      const all = h.fm.addStatuses(statuses(30, 'rl'));
      h.fm.failNext({ status: 429, resetInSeconds: 3 });
      await h.ingest.syncNow();

      const paused = await h.pausedUntil(id);
      const resetAt = paused.getTime();
      expect(resetAt - Date.now()).toBeGreaterThan(1000);
      expect((await getQuery(h.database.db, id))?.lastError).toMatch(/^Mastodon rate limit reached; resets at/);
      while (Date.now() < resetAt - 50) {
        expect(h.fm.apiRequests()).toHaveLength(1);
        await new Promise((r) => setTimeout(r, 20));
      }
      await expect
        .poll(async () => (await h.stored()).length, { message: 'the statuses after the reset', timeout: 15_000 })
        .toBe(all.length);
      expect(h.fm.apiRequests()[1]?.status).toBe(200);
      expect((await getQuery(h.database.db, id))?.lastError).toBeNull();
    }),
  );

  it('marks the query failing with the instance’s message on a 401, and stops polling it', () =>
    withSocialHarness(async (h) => {
      const id = await h.addQuery({ source: 'mastodon', query: 'acme crew' });
      h.fm.failNext({ status: 401, error: 'The access token was revoked' });
      await h.pollOnce(id);
      const view = (await h.api(`/v1/queries/${id}`)).body;
      expect(view).toMatchObject({
        status: 'failing',
        lastError: 'Mastodon refused the request (401): The access token was revoked',
      });
      await h.pollOnce(id);
      expect(h.fm.apiRequests()).toHaveLength(1);
    }));

  it('lists the stored statuses under ?source=mastodon, in JSON and CSV, and not under another source', () =>
    withSocialHarness(async (h) => {
      const id = await h.addQuery({ source: 'mastodon', query: '#AcmeAir' });
      const added = h.fm.addStatuses(statuses(3, 'listed'));
      await h.pollOnce(id);
      await expect.poll(async () => (await h.stored()).length, { message: 'stored', timeout: 30_000 }).toBe(3);
      const listed = (await h.api('/v1/mentions?source=mastodon')).body as { data: { externalId: string }[] };
      expect(sorted(listed.data.map((m) => m.externalId))).toEqual(sorted(added.map((s) => s.uri)));
      expect(((await h.api('/v1/mentions?source=Mastodon')).body as { data: unknown[] }).data).toHaveLength(3);
      expect(((await h.api('/v1/mentions?source=bluesky')).body as { data: unknown[] }).data).toHaveLength(0);
      const csv = (await h.api('/v1/mentions.csv?source=mastodon')).text;
      expect(csv.trim().split('\n')).toHaveLength(4);
      expect(csv).toContain(',mastodon,');
    }));
});
