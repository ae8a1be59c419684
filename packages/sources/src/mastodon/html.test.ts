import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html.js';

describe('htmlToText (Mastodon status content)', () => {
  it('turns paragraphs into blank lines and <br> into line breaks', () => {
    expect(htmlToText('<p>Flight was great.</p><p>Crew were lovely!<br>Thanks<br/>again</p>')).toBe(
      'Flight was great.\n\nCrew were lovely!\nThanks\nagain',
    );
  });

  it('keeps @mentions and #tags as written, and links as their full text', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://air.example/@AcmeAir" class="u-url mention">@<span>AcmeAir</span></a></span> ' +
      'Maria at the desk was wonderful <a href="https://social.example/tags/AcmeAir" class="mention hashtag" rel="tag">#<span>AcmeAir</span></a> ' +
      '<a href="https://example.com/a/very/long/path" target="_blank" rel="nofollow noopener"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/lo</span><span class="invisible">ng/path</span></a></p>';
    expect(htmlToText(html)).toBe(
      '@AcmeAir Maria at the desk was wonderful #AcmeAir https://example.com/a/very/long/path',
    );
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(
      htmlToText('<p>5 &lt; 6 &amp;&amp; &quot;great&quot; &#39;crew&#39; &#x1F600; caf&eacute;&nbsp;&hellip;</p>'),
    ).toBe('5 < 6 && "great" \'crew\' 😀 caf&eacute; …');
    expect(htmlToText('<p>&lt;b&gt;not bold&lt;/b&gt;</p>')).toBe('<b>not bold</b>');
  });

  it('reads NUL, surrogate and out-of-range character references as U+FFFD, as HTML does', () => {
    expect(decodeEntities('a&#0;b&#xD800;c&#1114112;d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });

  it('collapses source whitespace, drops comments and script, and lists one item a line', () => {
    expect(htmlToText('<p>  lots\n  of   space </p><!-- hidden --><script>alert(1)</script>')).toBe('lots of space');
    expect(htmlToText('<p>Best bits:</p><ul><li>crew</li><li>food</li></ul><p>bye</p>')).toBe(
      'Best bits:\n\ncrew\nfood\n\nbye',
    );
  });

  it('gives an empty string for content without text', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p></p><p> <br> </p>')).toBe('');
  });
});
