import { describe, expect, it } from 'vitest';
import { queryProblem } from './schemas.js';
import { sourceAbilitiesFromEnv } from './source-abilities.js';

describe('source abilities', () => {
  it('Mastodon search is possible when MASTODON_ACCESS_TOKEN is set (empty counts as unset)', () => {
    expect(sourceAbilitiesFromEnv({ MASTODON_ACCESS_TOKEN: 'tok' })).toEqual({ mastodonSearch: true });
    expect(sourceAbilitiesFromEnv({ MASTODON_ACCESS_TOKEN: '' })).toEqual({ mastodonSearch: false });
    expect(sourceAbilitiesFromEnv({})).toEqual({ mastodonSearch: false });
  });

  it('with the token a Mastodon search query is valid; without, only #tags', () => {
    expect(queryProblem('mastodon', 'acme crew', { mastodonSearch: true })).toBeNull();
    expect(queryProblem('mastodon', 'acme crew', { mastodonSearch: false })).toMatch(/MASTODON_ACCESS_TOKEN/);
    expect(queryProblem('mastodon', '#acme', { mastodonSearch: false })).toBeNull();
    expect(queryProblem('bluesky', 'a'.repeat(513), { mastodonSearch: false })).toMatch(/at most 512/);
  });
});
