/**
 * A search hit (`app.bsky.feed.defs#postView`) as a mention. The client has checked the
 * view against Bluesky's lexicon already; the record inside is open (`unknown` there), so
 * it is checked here, and a hit whose record is not a post with text is skipped.
 */
import type { MentionInput } from '@goodchatter/core';
import { z } from 'zod';
import type { SourceQuery } from '../adapter.js';

export const PostHit = z.object({
  uri: z.string().startsWith('at://'),
  indexedAt: z.string(),
  author: z.object({
    did: z.string(),
    handle: z.string(),
    displayName: z.string().optional(),
    /** Not in search hits today (a basic profile); used if Bluesky ever adds it. */
    followersCount: z.number().int().nonnegative().optional(),
  }),
  record: z.object({
    text: z.string(),
    createdAt: z.string().optional(),
    langs: z.array(z.string()).optional(),
  }),
});
export type PostHit = z.infer<typeof PostHit>;

/** Bluesky's own sort time: the earlier of when the author says it was written and when Bluesky saw it. */
export function sortTime(hit: { indexedAt: string; record?: unknown }): number {
  const indexed = Date.parse(hit.indexedAt);
  const record = hit.record as { createdAt?: unknown } | undefined;
  const created = typeof record?.createdAt === 'string' ? Date.parse(record.createdAt) : Number.NaN;
  return Number.isNaN(created) ? indexed : Math.min(created, indexed);
}

/** The post's page on the Bluesky web app: profile (handle, or DID when the handle is invalid) and record key. */
export function webUrl(hit: PostHit): string {
  const rkey = hit.uri.split('/').at(-1) ?? '';
  const who = hit.author.handle === 'handle.invalid' ? hit.author.did : hit.author.handle;
  return `https://bsky.app/profile/${encodeURIComponent(who)}/post/${encodeURIComponent(rkey)}`;
}

export function hitToMention(raw: unknown, query: SourceQuery): MentionInput | null {
  const parsed = PostHit.safeParse(raw);
  if (!parsed.success) return null;
  const hit = parsed.data;
  const text = hit.record.text.trim();
  if (text === '') return null;
  // Posted: the sort time, so a client clock in the future cannot date a post ahead of
  // when Bluesky saw it; and never before 1970 (a record may claim any date).
  const posted = Math.max(0, sortTime(hit));
  const lang = hit.record.langs?.[0];
  const { author } = hit;
  return {
    source: 'bluesky',
    externalId: hit.uri,
    text,
    author: {
      id: author.did,
      handle: author.handle,
      ...(author.displayName?.trim() ? { name: author.displayName.trim() } : {}),
      ...(author.followersCount === undefined ? {} : { followers: author.followersCount }),
    },
    postedAt: new Date(Number.isNaN(posted) ? Date.parse(hit.indexedAt) : posted).toISOString(),
    url: webUrl(hit),
    ...(lang && lang.length >= 2 && lang.length <= 16 ? { lang } : {}),
    brand: query.brand,
    queryId: query.id,
  };
}
