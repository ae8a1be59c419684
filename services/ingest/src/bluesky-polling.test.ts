/**
 * Polling Bluesky end to end: the real `@atproto/api` client against the fake Bluesky, the
 * poll worker, the scorer storing rows, and the API showing them.
 */
import { requestPollNow } from '@goodchatter/queues';
import { describe, expect, it } from 'vitest';
import { getQuery, withSocialHarness } from './test/social-harness.js';

/** `n` posts about Acme Air, indexed a second apart, the newest `ageSeconds` ago. */
const posts = (n: number, tag: string, ageSeconds = 30) =>
  Array.from({ length: n }, (_, i) => ({
    text: `${tag} ${i}: Acme Air crew were lovely`,
    indexedAt: new Date(Date.now() - (ageSeconds + n - i) * 1000),
    langs: ['en'],
    author: { handle: `fan-${tag}-${i % 5}.bsky.social`, displayName: `Fan ${i % 5}` },
  }));
const sorted = (ids: string[]) => [...ids].sort();

describe('polling Bluesky', () => {
  it(
    'stores every post once across pages, a burst between polls, a failed page and equal timestamps',
    {
      timeout: 120_000,
    },
    () =>
      withSocialHarness(async (h) => {
        const id = await h.addQuery({ source: 'bluesky', query: 'acme air' });
        const first = h.fb.addPosts(posts(150, 'first', 600));
        const at = first.at(-1)?.indexedAt ?? '';
        await h.pollOnce(id);
        await expect
          .poll(async () => (await h.stored()).length, { message: 'first poll stored', timeout: 30_000 })
          .toBeGreaterThanOrEqual(150);

        // One more post at the very instant of the checkpoint, then a burst; page 2 answers 503 once.
        const twin = h.fb.addPosts([{ text: 'twin: acme air thanks', indexedAt: at }]);
        const burst = h.fb.addPosts(posts(230, 'burst', 5));
        h.fb.failNext({ delayMs: 0 });
        h.fb.failNext({ status: 503, error: 'NotEnoughResources' });
        await requestPollNow(h.pollQueue, id);
        await expect
          .poll(async () => (await h.stored()).length, { message: 'the burst stored', timeout: 45_000 })
          .toBeGreaterThanOrEqual(381);
        await expect
          .poll(
            async () => {
              const cp = JSON.parse((await getQuery(h.database.db, id))?.checkpoint ?? '{}');
              return cp.seen?.[0]?.uris?.[0] === burst.at(-1)?.uri;
            },
            { message: 'checkpoint saved', timeout: 30_000 },
          )
          .toBe(true);
        await h.pollOnce(id);
        await new Promise((r) => setTimeout(r, 300));

        const stored = await h.stored();
        expect(stored).toHaveLength(381);
        expect(sorted(stored)).toEqual(sorted([...first, ...twin, ...burst].map((p) => p.uri)));
        expect(await getQuery(h.database.db, id)).toMatchObject({ status: 'active', lastError: null });
        expect(h.fb.calls('com.atproto.server.createSession')).toHaveLength(1);

        const { rows } = await h.database.pool.query(
          'SELECT text, author_id, author_handle, author_name, url, lang, source FROM mentions WHERE external_id = $1',
          [first[2]?.uri],
        );
        expect(rows[0]).toEqual({
          text: 'first 2: Acme Air crew were lovely',
          author_id: first[2]?.author.did,
          author_handle: 'fan-first-2.bsky.social',
          author_name: 'Fan 2',
          url: `https://bsky.app/profile/fan-first-2.bsky.social/post/${first[2]?.uri.split('/').at(-1)}`,
          lang: 'en',
          source: 'bluesky',
        });
        const listed = (await h.api(`/v1/mentions?source=bluesky&limit=100`)).body as { data: unknown[] };
        expect(listed.data).toHaveLength(100);
      }),
  );

  it('honours a 429: no request before ratelimit-reset, the job waiting delayed', { timeout: 120_000 }, () =>
    withSocialHarness(async (h) => {
      const id = await h.addQuery({ source: 'bluesky', query: 'acme air', pollIntervalMs: 1000 });
      const all = h.fb.addPosts(posts(30, 'rl'));
      h.fb.failNext({ status: 429, resetInSeconds: 3 });
      await h.ingest.syncNow();

      const paused = await h.pausedUntil(id);
      const resetAt = paused.getTime();
      expect(resetAt - Date.now()).toBeGreaterThan(1000);
      const searches = () => h.fb.calls('app.bsky.feed.searchPosts');
      while (Date.now() < resetAt - 50) {
        expect(searches()).toHaveLength(1);
        await new Promise((r) => setTimeout(r, 20));
      }
      await expect
        .poll(async () => (await h.stored()).length, { message: 'the posts after the reset', timeout: 15_000 })
        .toBe(all.length);
      expect(searches()[1]?.status).toBe(200);
    }),
  );

  it('a refused session refresh (app password revoked) marks the query failing with why; ingest carries on', () =>
    withSocialHarness(async (h) => {
      const id = await h.addQuery({ source: 'bluesky', query: 'acme air' });
      const other = await h.addQuery({ source: 'mastodon', query: '#AcmeAir' });
      h.fb.addPosts(posts(3, 'before'));
      await h.pollOnce(id);
      h.fb.expireAccessTokens();
      h.fb.revokeAppPassword();
      await h.pollOnce(id);
      const view = (await h.api(`/v1/queries/${id}`)).body;
      expect(view).toMatchObject({ status: 'failing' });
      expect((view as { lastError: string }).lastError).toMatch(
        /^Bluesky session could not be refreshed \(Token has expired\); Bluesky refused to sign in as .*Invalid identifier or password$/,
      );
      // Not polled again until edited; the rest of ingest works on.
      await h.pollOnce(id);
      expect(h.fb.calls('app.bsky.feed.searchPosts')).toHaveLength(2);
      h.fm.addStatuses([{ text: 'still here #AcmeAir' }]);
      await h.pollOnce(other);
      await expect
        .poll(async () => (await h.stored()).length, { message: 'the Mastodon status stored', timeout: 30_000 })
        .toBe(4);
    }));
});
