import { describe, expect, it } from 'vitest';
import { buildSearchQuery, validateXQuery } from './query.js';

describe('validateXQuery', () => {
  it.each([
    '@AcmeAir OR "Acme Air"',
    '("Acme Air" OR #acmeair) lang:en -is:retweet',
    '"smile :)" acme',
    'a'.repeat(497),
  ])('accepts %s', (q) => {
    expect(validateXQuery(q)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['()', /empty/],
    ['a'.repeat(513), /513 characters; X allows at most 512/],
    ['a'.repeat(500), /retweet/],
    ['"Acme Air', /unclosed double quote/],
    ['(acme OR air', /"\(" without a matching "\)"/],
    ['acme) OR (air', /"\)" without a matching "\("/],
  ])('rejects %j', (q, message) => {
    expect(validateXQuery(q)).toMatch(message);
  });

  it('allows 512 characters when the query already states the retweet rule', () => {
    const q = `${'a'.repeat(501)} is:retweet`;
    expect(q.length).toBe(512);
    expect(validateXQuery(q)).toBeNull();
  });
});

describe('buildSearchQuery', () => {
  it('wraps the query so -is:retweet applies to every OR branch', () => {
    expect(buildSearchQuery('a OR b')).toBe('(a OR b) -is:retweet');
  });

  it.each(['acme is:retweet', 'acme -is:retweet', '(acme OR -is:retweet)', 'acme IS:RETWEET'])(
    'leaves %s alone',
    (q) => {
      expect(buildSearchQuery(q)).toBe(q);
    },
  );

  it('is not fooled by a word ending in is:retweet-like text', () => {
    expect(buildSearchQuery('this:retweet')).toBe('(this:retweet) -is:retweet');
  });
});
