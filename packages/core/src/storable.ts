import { z } from 'zod';

/**
 * What Postgres can store, so that validation matches the columns and a value that passes
 * it can always be written: `text` cannot hold NUL, `jsonb` rejects unpaired UTF-16
 * surrogates, `integer` is 32-bit, and our timestamps start at the Unix epoch.
 */
export const INT4_MAX = 2_147_483_647;
export const EPOCH_ISO = '1970-01-01T00:00:00Z';

// A lone high surrogate (not followed by a low one) or a lone low one (not preceded by a high one).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what Postgres text cannot hold.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT = 'must not contain NUL bytes or unpaired surrogates';

/** `s` with NUL bytes and unpaired surrogates replaced by U+FFFD: storable, still readable. */
export const toStorableText = (s: string) => s.replace(new RegExp(UNSTORABLE, 'g'), '\uFFFD');

/** True when Postgres can store `s` in text and jsonb as it is. */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);

/** A string schema that refuses text Postgres cannot store. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_TEXT);

/** An ISO 8601 instant with offset, at or after 1970-01-01. */
export const storableInstant = () =>
  z.iso.datetime({ offset: true }).refine((s) => Date.parse(s) >= 0, 'must be on or after 1970-01-01T00:00:00Z');

/**
 * The first value anywhere in `value` (a parsed body, query or params) that Postgres cannot
 * store, as a dotted path (`mentions.3.text`); keys count too. Iterative: a hostile body
 * can nest deeper than the call stack.
 */
export function findUnstorable(value: unknown): string | undefined {
  // Paths are linked lists (child → parent): copying an array per level would make a
  // deeply nested body quadratic.
  type Path = { key: string; parent: Path } | undefined;
  const render = (p: Path, last?: string) => {
    const keys = last === undefined ? [] : [last];
    for (let at = p; at; at = at.parent) keys.unshift(at.key);
    return keys.join('.');
  };
  const stack: [unknown, Path][] = [[value, undefined]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, path] = item;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return render(path);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      // Reversed, so the first bad value in document order is the one named.
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        if (!isStorableText(k)) return render(path, k.replace(new RegExp(UNSTORABLE, 'g'), '?'));
        stack.push([(v as Record<string, unknown>)[k], { key: k, parent: path }]);
      }
    }
  }
  return undefined;
}
