/**
 * The Bluesky session through the real `@atproto/api` agent against the fake: one sign-in
 * for many polls, refresh on an expired access token, a new sign-in when a refresh is
 * refused, and SourceAuthError (the query fails, the process does not) when the app
 * password itself is refused.
 */
import { startFakeBluesky } from '@goodchatter/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { SourceAuthError, type SourceQuery } from '../adapter.js';
import { useFakeSource } from '../test/fake-source.js';
import { BlueskySourceAdapter } from './bluesky-source-adapter.js';

const query: SourceQuery = { id: 5, brand: 'Acme Air', source: 'bluesky', query: 'acme', lookbackSeconds: 3600 };
const noop = async () => {};

const ctx = useFakeSource(
  () => startFakeBluesky({ handle: 'care.acme.example', appPassword: 'app-pw' }),
  (fb) => new BlueskySourceAdapter({ service: fb.url, identifier: 'care.acme.example', appPassword: 'app-pw' }),
);
beforeEach(async () => {
  ctx.fake.addPosts([{ text: 'acme was great', indexedAt: new Date(Date.now() - 10_000) }]);
});

const poll = () => ctx.adapter.fetchNew({ query, checkpoint: null, onBatch: noop });
const count = (nsid: string) => ctx.fake.calls(`com.atproto.server.${nsid}`).length;

describe('Bluesky sessions', () => {
  it('polls started together sign in once, and later polls reuse the session', async () => {
    await Promise.all([poll(), poll(), poll()]);
    await poll();
    expect(count('createSession')).toBe(1);
    expect(ctx.fake.calls('app.bsky.feed.searchPosts').every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
  });

  it('an expired access token is refreshed by the client and the search repeated', async () => {
    await poll();
    ctx.fake.expireAccessTokens();
    const result = await poll();
    expect(result.read).toBe(1);
    expect([count('createSession'), count('refreshSession')]).toEqual([1, 1]);
    expect(ctx.fake.calls('app.bsky.feed.searchPosts').map((r) => r.status)).toEqual([200, 400, 200]);
  });

  it('a refused refresh with a good app password: signs in again and the poll succeeds', async () => {
    await poll();
    ctx.fake.expireAccessTokens();
    ctx.fake.revokeSessions();
    expect((await poll()).read).toBe(1);
    expect([count('createSession'), count('refreshSession')]).toEqual([2, 1]);
  });

  it('a refused refresh with a revoked app password → SourceAuthError saying so; later polls fail the same, no crash', async () => {
    await poll();
    ctx.fake.expireAccessTokens();
    ctx.fake.revokeAppPassword();
    const error = await poll().catch((e: Error) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toBe(
      'Bluesky session could not be refreshed (Token has expired); Bluesky refused to sign in as care.acme.example: AuthenticationRequired: Invalid identifier or password',
    );
    expect(await poll().catch((e: Error) => e)).toBeInstanceOf(SourceAuthError);
  });

  it('a wrong app password at the first sign-in → SourceAuthError before any search', async () => {
    const wrong = new BlueskySourceAdapter({
      service: ctx.fake.url,
      identifier: 'care.acme.example',
      appPassword: 'nope',
    });
    const error = await wrong.fetchNew({ query, checkpoint: null, onBatch: noop }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SourceAuthError);
    expect((error as Error).message).toBe(
      'Bluesky refused to sign in as care.acme.example: AuthenticationRequired: Invalid identifier or password',
    );
    expect(ctx.fake.calls('app.bsky.feed.searchPosts')).toHaveLength(0);
  });

  it('refuses to start without an identifier or app password', () => {
    expect(() => new BlueskySourceAdapter({ identifier: '', appPassword: 'x' })).toThrow(/identifier and app password/);
  });
});
