/**
 * `app.bsky.feed.searchPosts` as the AppView answers it: every word of `q` (any case) in
 * the text, `sort=latest` (the default here) newest `sortAt` first, `since` inclusive and
 * `until` exclusive on `sortAt` (dates or datetimes), `limit` 1–100 (default 25), and an
 * opaque `cursor` that is the offset of the next page — so posts arriving mid-drain push
 * results down (a repeat, never a skip), as on Bluesky.
 */
import type { FakeBskyPost, PostStore } from './posts.js';

export interface XrpcOutcome {
  status: number;
  body: unknown;
}

export const invalid = (message: string): XrpcOutcome => ({ status: 400, body: { error: 'InvalidRequest', message } });

function renderPost(post: FakeBskyPost): Record<string, unknown> {
  return {
    uri: post.uri,
    cid: post.cid,
    author: {
      did: post.author.did,
      handle: post.author.handle,
      ...(post.author.displayName ? { displayName: post.author.displayName } : {}),
      avatar: `https://cdn.bsky.example/img/avatar/plain/${post.author.did}/a@jpeg`,
      labels: [],
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    record: {
      $type: 'app.bsky.feed.post',
      text: post.text,
      createdAt: post.createdAt,
      ...(post.langs ? { langs: post.langs } : {}),
    },
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: post.indexedAt,
    labels: [],
  };
}

function timeParam(params: URLSearchParams, name: string): number | null | undefined {
  const raw = params.get(name);
  if (raw === null) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `pageThrough`: no cursor past this many hits (Bluesky does not always page through a whole result). */
export function searchPosts(params: URLSearchParams, store: PostStore, pageThrough = Infinity): XrpcOutcome {
  const q = params.get('q');
  if (!q?.trim()) return invalid('Error: Params must have the property "q"');
  const sort = params.get('sort') ?? 'latest';
  if (sort !== 'latest' && sort !== 'top') return invalid('sort must be "top" or "latest"');
  const limit = Number(params.get('limit') ?? '25');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return invalid('limit can not be greater than 100');
  const since = timeParam(params, 'since');
  const until = timeParam(params, 'until');
  if (since === undefined || until === undefined) return invalid('since/until must be a datetime or a date');
  const cursor = params.get('cursor');
  const offset = cursor === null ? 0 : Number(cursor);
  if (!Number.isInteger(offset) || offset < 0) return invalid('malformed cursor');

  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = store.all().filter((p) => {
    if (since !== null && p.sortAt < since) return false;
    if (until !== null && p.sortAt >= until) return false;
    const text = p.text.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const page = hits.slice(offset, offset + limit);
  const next = offset + page.length;
  return {
    status: 200,
    body: {
      ...(next < hits.length && next < pageThrough ? { cursor: String(next) } : {}),
      hitsTotal: hits.length,
      posts: page.map(renderPost),
    },
  };
}
