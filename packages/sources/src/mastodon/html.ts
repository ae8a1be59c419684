/**
 * Mastodon status `content` (sanitised HTML) to the plain text the classifier reads:
 * paragraphs become blank-line breaks, `<br>` and list items line breaks, links their text
 * (`@user` mentions and `#tags` stay as written; the hidden `https://` part of a shortened
 * link is kept, so the full address reads), and entities are decoded. Entities are decoded
 * after the tags are gone, so an escaped `&lt;b&gt;` stays the text `<b>`.
 */
import { decodeEntitiesOnce } from '@goodchatter/core';

/** One pass with HTML's rule for numbers that are no character (U+FFFD): this is real HTML. */
export const decodeEntities = (text: string) => decodeEntitiesOnce(text, 'replace');

/** Elements that break the text: paragraphs by a blank line (start and end), the rest by a line (start). */
const PARAGRAPH = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol']);
const LINE = new Set(['br', 'li', 'div']);
/** Elements whose content is never text. */
const HIDDEN = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

export function htmlToText(html: string): string {
  const parts: string[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(HIDDEN, '');
  for (const token of source.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      if (token) parts.push(decodeEntities(token.replace(/\s+/g, ' ')));
      continue;
    }
    const tag = /^<(\/?)\s*([a-z0-9]+)/i.exec(token);
    const name = tag?.[2]?.toLowerCase();
    if (name === undefined) continue;
    if (PARAGRAPH.has(name)) parts.push('\n\n');
    // A line starts at each one; where it ends the next one (or the paragraph) breaks anyway.
    else if (LINE.has(name) && tag?.[1] === '') parts.push('\n');
  }
  return parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
