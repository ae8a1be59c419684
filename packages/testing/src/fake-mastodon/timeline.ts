/**
 * `GET /api/v1/timelines/tag/:hashtag` as Mastodon answers it (TagFeed + paginate_by_id):
 * `any[]`/`all[]`/`none[]` (4 each), `limit` (default 20, silently capped at 40),
 * `max_id` (exclusive upper bound, newest first), `since_id` (exclusive lower bound, newest
 * first), `min_id` (exclusive lower bound, the page just above it: oldest `limit` in the
 * window, returned newest first), and a `Link` header whose `rel="prev"` carries
 * `min_id` = the page's newest id. Like Mastodon, the Link keeps only `limit`, `local` and
 * `only_media`: `any[]` is dropped, so a client that follows the Link literally loses tags.
 *
 * The fake filters nothing by visibility and keeps boosts: servers that speak this API
 * differ there, so the adapter must filter itself.
 */
import { renderStatus } from './render.js';
import type { FakeStatus, StatusStore } from './statuses.js';

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const LIMIT_PER_MODE = 4;
const MAX_LIMIT = 40;

export function limitParam(params: URLSearchParams, fallback: number): number {
  const raw = Number.parseInt(params.get('limit') ?? '', 10);
  return Number.isNaN(raw) ? fallback : Math.min(Math.abs(raw) || fallback, MAX_LIMIT);
}

/** An id parameter as Rails would read it; null when absent, undefined when unreadable. */
export function idParam(params: URLSearchParams, name: string): bigint | null | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  return /^\d{1,19}$/.test(raw) ? BigInt(raw) : undefined;
}

const names = (params: URLSearchParams, mode: string) =>
  [...params.getAll(`${mode}[]`), ...params.getAll(mode)].slice(0, LIMIT_PER_MODE).map((t) => t.toLowerCase());

export function tagTimeline(hashtag: string, params: URLSearchParams, store: StatusStore, origin: string): Outcome {
  const limit = limitParam(params, 20);
  const ids = { max: idParam(params, 'max_id'), since: idParam(params, 'since_id'), min: idParam(params, 'min_id') };
  if (ids.max === undefined || ids.since === undefined || ids.min === undefined) {
    return { status: 400, body: { error: 'Invalid pagination id' } };
  }
  const any = [hashtag.toLowerCase(), ...names(params, 'any')];
  const all = names(params, 'all');
  const none = names(params, 'none');
  const matches = (s: FakeStatus) =>
    s.tags.some((t) => any.includes(t)) &&
    all.every((t) => s.tags.includes(t)) &&
    !s.tags.some((t) => none.includes(t));

  const page: FakeStatus[] = [];
  const scan = ids.min !== null ? store.ascending(ids.min, ids.max) : store.descending(ids.max, ids.since);
  for (const status of scan) {
    if (!matches(status)) continue;
    page.push(status);
    if (page.length === limit) break;
  }
  if (ids.min !== null) page.reverse();

  const headers: Record<string, string> = {};
  const first = page[0];
  const last = page.at(-1);
  if (first && last) {
    const keep = new URLSearchParams();
    for (const name of ['limit', 'local', 'only_media']) {
      const value = params.get(name);
      if (value !== null) keep.set(name, value);
    }
    const link = (extra: Record<string, string>) =>
      `${origin}/api/v1/timelines/tag/${encodeURIComponent(hashtag)}?${new URLSearchParams({ ...Object.fromEntries(keep), ...extra })}`;
    headers.link = `<${link({ max_id: last.id })}>; rel="next", <${link({ min_id: first.id })}>; rel="prev"`;
  }
  return { status: 200, body: page.map((s) => renderStatus(s, origin)), headers };
}
