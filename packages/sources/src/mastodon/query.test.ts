import { describe, expect, it } from 'vitest';
import { parseMastodonQuery, validateMastodonQuery } from './query.js';

describe('Mastodon query forms', () => {
  it('reads #tags joined by OR (any case) as the tag timeline, lower-cased and deduplicated', () => {
    expect(parseMastodonQuery(' #AcmeAir ')).toEqual({ kind: 'tags', tags: ['acmeair'] });
    expect(parseMastodonQuery('#AcmeAir OR #acme or #ACMEAIR OR #café_2')).toEqual({
      kind: 'tags',
      tags: ['acmeair', 'acme', 'café_2'],
    });
  });

  it('reads anything else as a full-text search', () => {
    expect(parseMastodonQuery('"Acme Air" crew')).toEqual({ kind: 'search', q: '"Acme Air" crew' });
    expect(parseMastodonQuery('#acme great')).toEqual({ kind: 'search', q: '#acme great' });
    expect(parseMastodonQuery('#acme AND #air')).toEqual({ kind: 'search', q: '#acme AND #air' });
  });

  it('refuses a search without a token, saying which setting is missing', () => {
    expect(validateMastodonQuery('Acme Air', { canSearch: false })).toMatch(/needs MASTODON_ACCESS_TOKEN/);
    expect(validateMastodonQuery('Acme Air', { canSearch: true })).toBeNull();
    expect(validateMastodonQuery('#acmeair OR #acme', { canSearch: false })).toBeNull();
  });

  it('refuses empty queries, more than 5 tags and very long text', () => {
    expect(validateMastodonQuery('  ', { canSearch: true })).toBe('query must not be empty');
    expect(validateMastodonQuery('#a OR #b OR #c OR #d OR #e OR #f', { canSearch: false })).toMatch(/at most 5/);
    expect(validateMastodonQuery('a'.repeat(501), { canSearch: true })).toMatch(/at most 500/);
  });
});
