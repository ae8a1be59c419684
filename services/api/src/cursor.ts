import type { MentionCursor } from '@goodchatter/db';
import { HttpError } from './errors.js';

/** Opaque to clients: base64url of "<posted at ms>.<id>". */
export function encodeCursor(c: MentionCursor): string {
  return Buffer.from(`${c.postedAt.getTime()}.${c.id}`).toString('base64url');
}

export function decodeCursor(s: string): MentionCursor {
  const m = /^(\d{1,15})\.(\d{1,18})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new HttpError(400, 'querystring.cursor: not a cursor this API returned');
  return { postedAt: new Date(Number(m[1])), id: Number(m[2]) };
}
