import { describe, expect, it } from 'vitest';
import { collapseElongation, decodeEntities, tokenise } from './tokenise.js';

const kinds = (text: string) => tokenise(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenise', () => {
  it('keeps handles, hashtags, URLs, emoji and emoticons whole', () => {
    expect(kinds('@jen_helps #FlyUnited https://t.co/x1 😍 :)')).toEqual([
      'handle:@jen_helps',
      'hashtag:#flyunited',
      'url:https://t.co/x1',
      'emoji:😍',
      'emoticon::)',
    ]);
  });

  it('keeps contractions and straightens curly apostrophes', () => {
    expect(kinds('can’t complain')).toEqual(["word:can't", 'word:complain']);
  });

  it('decodes HTML entities: named, decimal and hex, also when escaped twice', () => {
    expect(decodeEntities('Tom &amp; Jerry &lt;3 &#39;hi&#39;')).toBe("Tom & Jerry <3 'hi'");
    expect(decodeEntities('&quot;express&quot; &gt; &nbsp;&hellip; &#128512; &#x1F600; &#X41;')).toBe(
      '"express" >  … 😀 😀 A',
    );
    expect(decodeEntities('&amp;lt;3 &amp;amp;')).toBe('<3 &');
    expect(kinds(decodeEntities('&lt;3'))).toEqual(['emoticon:<3']);
  });

  it('leaves what is not an entity as written', () => {
    for (const text of ['AT&T', 'R&D; Q&A', '&unknown;', '&#0;', '&#1114112;', '&#xD800;', 'no entities']) {
      expect(decodeEntities(text)).toBe(text);
    }
    // Decoding is idempotent (in practice): decoding decoded text changes nothing.
    const once = decodeEntities('&amp;quot;hi&amp;quot; &lt;3');
    expect(decodeEntities(once)).toBe(once);
  });

  it('collapses elongations to the lexicon word and flags them', () => {
    expect(collapseElongation('loooove')).toBe('love');
    expect(collapseElongation('gooood')).toBe('good');
    expect(collapseElongation('sooo')).toBe('soo');
    const [t] = tokenise('loooove');
    expect(t).toMatchObject({ norm: 'love', elongated: true });
  });

  it('reduces runs of ! and ? to one mark', () => {
    expect(kinds('why?!?')).toEqual(['word:why', 'punct:?']);
  });

  it('keeps numbers with their unit', () => {
    expect(kinds('45mins 10/10')).toEqual(['number:45mins', 'number:10/10']);
  });
});
