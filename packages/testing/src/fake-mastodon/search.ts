/**
 * `GET /api/v2/search?type=statuses` as Mastodon 4.2+ answers it (StatusesSearchService):
 * full-text matches for a signed-in account only (without a token the `statuses` list is
 * empty; `offset` without one is a 401), newest id first, paged by `offset`/`limit`
 * (default 20, capped at 40). `min_id`/`max_id` are not id bounds there: Mastodon turns
 * them into `after:`/`before:` on the posting time, cut to the whole second, so a client
 * that pages back with `max_id` skips the rest of that second.
 */
import { renderStatus } from './render.js';
import type { FakeStatus, StatusStore } from './statuses.js';
import { idParam, limitParam, type Outcome } from './timeline.js';

/** Words and "quoted phrases" of a query; every one must appear (any case). */
function terms(q: string): string[] {
  return [...q.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()).filter(Boolean);
}

const plain = (html: string) => html.replace(/<[^>]+>/g, '').toLowerCase();

/** Mastodon::Snowflake.to_time(id).iso8601: the id's time, cut to the second. */
const secondOf = (id: bigint) => Math.floor(Number(id >> 16n) / 1000) * 1000;

export function searchStatuses(
  params: URLSearchParams,
  store: StatusStore,
  origin: string,
  signedIn: boolean,
): Outcome {
  const q = (params.get('q') ?? '').trim();
  const offset = Number.parseInt(params.get('offset') ?? '0', 10) || 0;
  if (!signedIn && (offset > 0 || params.get('resolve') === 'true')) {
    return { status: 401, body: { error: 'Search queries pagination is not supported without authentication' } };
  }
  const type = params.get('type');
  const empty = { accounts: [], statuses: [], hashtags: [] };
  if (q === '' || (type !== null && type !== 'statuses') || !signedIn) return { status: 200, body: empty };
  const min = idParam(params, 'min_id');
  const max = idParam(params, 'max_id');
  if (min === undefined || max === undefined) return { status: 400, body: { error: 'Invalid pagination id' } };
  const after = min === null ? null : secondOf(min);
  const before = max === null ? null : secondOf(max);
  const wanted = terms(q);
  const matches = (s: FakeStatus) => {
    const text = plain(s.content);
    const created = Date.parse(s.createdAt);
    return (
      (after === null || created > after) &&
      (before === null || created < before) &&
      wanted.every((t) => (t.startsWith('#') ? s.tags.includes(t.slice(1)) : text.includes(t)))
    );
  };
  const limit = limitParam(params, 20);
  const page: FakeStatus[] = [];
  let skipped = 0;
  for (const status of store.descending(null, null)) {
    if (!matches(status)) continue;
    if (skipped < offset) {
      skipped += 1;
      continue;
    }
    page.push(status);
    if (page.length === limit) break;
  }
  return { status: 200, body: { ...empty, statuses: page.map((s) => renderStatus(s, origin)) } };
}
