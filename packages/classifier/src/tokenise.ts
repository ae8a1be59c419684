import { decodeEntitiesOnce } from '@goodchatter/core';
import { isLexiconWord } from './lexicon-score.js';

export type TokenKind = 'word' | 'handle' | 'hashtag' | 'url' | 'emoji' | 'emoticon' | 'number' | 'punct';

export interface Token {
  /** Normalised form: lower case, elongations collapsed, curly apostrophes straightened. */
  norm: string;
  kind: TokenKind;
  /** Written with a letter repeated 3+ times ("loooove"): emphasis, usually positive. */
  elongated: boolean;
  /** Inside a negation scope ("not *bad*"); set by markNegation. */
  negated: boolean;
  /** The token as written (for staff names, which need capitals). */
  raw: string;
}

// One pass, alternatives in priority order: URLs before words, handles/hashtags before
// words, emoticons before punctuation. Everything unmatched (spaces, stray symbols) is skipped.
const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+)|(@\w+)|(#\w+)|(<3|[:;=][-']?[)(\][dDpP/|*]|[)(][-']?[:;=])|(\p{Extended_Pictographic})|(\d+(?:[.,:/]\d+)*(?:minutes|mins|min|hours|hrs|hr|days|st|nd|rd|th|s|m|h)?)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)|([!?]+|\.{2,}|[.,;:])/gu;

/**
 * Tweets arrive HTML-escaped ("&amp;", "&lt;3", "&#128512;"), sometimes twice ("&amp;lt;3");
 * decode to a fixed point so decoding again changes nothing: every stage (language, tokens,
 * signals, lexicon) must see the same text. Classification decodes once, at the start.
 */
export function decodeEntities(text: string): string {
  let out = text;
  // Three rounds undo any escaping seen in practice; the bound keeps hostile input cheap.
  for (let round = 0; round < 3 && out.includes('&'); round++) {
    const next = decodeEntitiesOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

const RUN3 = /(\p{L})\1{2,}/gu;

/**
 * "loooove" → "love", "gooood" → "good", "sooo" → "soo": collapse runs of 3+ to two letters,
 * then to one when only that form is a lexicon word, so elongated sentiment words still count.
 */
export function collapseElongation(word: string): string {
  const two = word.replace(RUN3, '$1$1');
  if (isLexiconWord(two)) return two;
  const one = word.replace(RUN3, '$1');
  return isLexiconWord(one) ? one : two;
}

/** Tokens of a text whose HTML entities are already decoded (analyse does that first). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    let kind: TokenKind;
    if (m[1] !== undefined) kind = 'url';
    else if (m[2] !== undefined) kind = 'handle';
    else if (m[3] !== undefined) kind = 'hashtag';
    else if (m[4] !== undefined) kind = 'emoticon';
    else if (m[5] !== undefined) kind = 'emoji';
    else if (m[6] !== undefined) kind = 'number';
    else if (m[7] !== undefined) kind = 'word';
    else kind = 'punct';
    let norm = kind === 'emoticon' || kind === 'emoji' ? raw : raw.toLowerCase();
    let elongated = false;
    if (kind === 'word') {
      norm = norm.replace(/’/g, "'");
      if (RUN3.test(norm)) {
        RUN3.lastIndex = 0;
        elongated = true;
        norm = collapseElongation(norm);
      }
    } else if (kind === 'punct' && norm.length > 1 && norm[0] !== '.') {
      // "!!!" and "?!?" keep their first mark; the intensity is not worth a separate feature.
      norm = norm.includes('?') ? '?' : '!';
    }
    tokens.push({ norm, kind, elongated, negated: false, raw });
  }
  return tokens;
}
