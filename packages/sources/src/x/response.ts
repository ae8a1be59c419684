/**
 * The recent-search page as we rely on it, checked at the boundary: a body that does not
 * match is treated like a malformed response (a plain Error, retried with backoff), never
 * handed on half-understood.
 */
import { decodeEntitiesOnce, type MentionInput } from '@goodchatter/core';
import { z } from 'zod';
import type { SourceQuery } from '../adapter.js';
import { timeOfId } from './checkpoint.js';

/** What we ask X for; the names are X's. */
export const TWEET_FIELDS = [
  'created_at',
  'author_id',
  'lang',
  'public_metrics',
  'referenced_tweets',
  'entities',
  'conversation_id',
] as const;
export const USER_FIELDS = ['username', 'name', 'public_metrics', 'verified'] as const;
export const EXPANSIONS = ['author_id'] as const;

const Tweet = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  lang: z.string().optional(),
});

const User = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  public_metrics: z.object({ followers_count: z.number().int().nonnegative() }).partial().optional(),
});

export const SearchPage = z.object({
  data: z.array(Tweet).optional(),
  includes: z.object({ users: z.array(User).optional() }).optional(),
  meta: z.object({
    result_count: z.number().int().nonnegative(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().optional(),
  }),
});
export type SearchPage = z.infer<typeof SearchPage>;

export function parseSearchPage(body: unknown): SearchPage {
  const parsed = SearchPage.safeParse(body);
  if (!parsed.success) {
    throw new Error(`X recent search returned an unexpected body: ${parsed.error.message.slice(0, 300)}`);
  }
  return parsed.data;
}

/**
 * Turns one page into mentions, in X's order (newest first). Tweets whose id is in `seen`
 * are left out (X can repeat a tweet on two consecutive pages); new ids are added to it.
 */
export function pageToMentions(page: SearchPage, query: SourceQuery, seen: Set<string>): MentionInput[] {
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
  const mentions: MentionInput[] = [];
  for (const tweet of page.data ?? []) {
    if (seen.has(tweet.id)) continue;
    seen.add(tweet.id);
    if (tweet.text.length === 0) continue;
    const user = tweet.author_id === undefined ? undefined : users.get(tweet.author_id);
    // A suspended or protected author can be missing from includes: keep the mention with
    // the id as handle, and X's user-agnostic status URL.
    const handle = user?.username ?? tweet.author_id ?? 'unknown';
    const postedAt = tweet.created_at ?? new Date(timeOfId(tweet.id)).toISOString();
    mentions.push({
      source: 'x',
      externalId: tweet.id,
      // X escapes every `&`, `<` and `>` in a post's text (`&amp;`, `&lt;`, `&gt;`), so one
      // decoding gives exactly what was written: care reps read "Tom & Jerry", not "&amp;".
      text: decodeEntitiesOnce(tweet.text),
      author: {
        ...(tweet.author_id === undefined ? {} : { id: tweet.author_id }),
        handle,
        ...(user?.name ? { name: user.name } : {}),
        ...(user?.public_metrics?.followers_count === undefined
          ? {}
          : { followers: user.public_metrics.followers_count }),
        ...(user?.verified === undefined ? {} : { verified: user.verified }),
      },
      postedAt,
      url: `https://x.com/${user ? user.username : 'i'}/status/${tweet.id}`,
      ...(tweet.lang ? { lang: tweet.lang } : {}),
      brand: query.brand,
      queryId: query.id,
    });
  }
  return mentions;
}
