/**
 * Statuses as we rely on them, checked at the boundary: a body that does not match is a
 * malformed response (a plain Error, retried), never handed on half-understood. Optional
 * fields are nullish because servers that speak Mastodon's API differ in what they omit.
 */
import type { MentionInput } from '@goodchatter/core';
import { z } from 'zod';
import type { SourceQuery } from '../adapter.js';
import { timeOfId } from './checkpoint.js';
import { htmlToText } from './html.js';

const Account = z.object({
  acct: z.string().min(1),
  display_name: z.string().nullish(),
  followers_count: z.number().int().nonnegative().nullish(),
});

export const Status = z.object({
  id: z.string().regex(/^\d{1,19}$/),
  uri: z.string().min(1),
  url: z.string().nullish(),
  created_at: z.string(),
  content: z.string(),
  visibility: z.string(),
  language: z.string().nullish(),
  /** A boost carries the boosted status here; only its presence matters. */
  reblog: z.unknown().nullish(),
  account: Account,
});
export type Status = z.infer<typeof Status>;

const Statuses = z.array(Status);
const SearchResults = z.object({ statuses: Statuses });

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(`Mastodon ${what} returned an unexpected body: ${parsed.error.message.slice(0, 300)}`);
  }
  return parsed.data;
}

export const parseTimeline = (body: unknown) => parse(Statuses, body, 'tag timeline');
export const parseSearch = (body: unknown) => parse(SearchResults, body, 'search').statuses;

const webUrl = (s: string | null | undefined) => (s && /^https?:\/\//i.test(s) ? s : undefined);

/**
 * A status as a mention, or null when it is not one to store: a boost (its own content is
 * empty; the boosted post is read where it matches by itself), a post that is not public,
 * or one with no text (media only). The external id is the status URI, the same on every
 * instance, so the post is one mention whichever instance it was read from.
 */
export function statusToMention(status: Status, query: SourceQuery): MentionInput | null {
  if (status.reblog) return null;
  if (status.visibility !== 'public') return null;
  const text = htmlToText(status.content);
  if (text === '') return null;
  const posted = Date.parse(status.created_at);
  const url = webUrl(status.url) ?? webUrl(status.uri);
  const { account } = status;
  return {
    source: 'mastodon',
    externalId: status.uri,
    text,
    author: {
      handle: account.acct,
      ...(account.display_name ? { name: account.display_name } : {}),
      ...(typeof account.followers_count === 'number' ? { followers: account.followers_count } : {}),
    },
    postedAt: new Date(Number.isNaN(posted) ? timeOfId(status.id) : posted).toISOString(),
    ...(url ? { url } : {}),
    ...(status.language ? { lang: status.language } : {}),
    brand: query.brand,
    queryId: query.id,
  };
}
