/**
 * `GET /2/tweets/search/recent` semantics, as a pure function of the request's query string
 * and the stored tweets: filtering (`since_id`, `until_id`, `start_time`, `end_time`,
 * `-is:retweet`), newest-first paging (`max_results`, `next_token`), field selection
 * (`tweet.fields`, `expansions=author_id`, `user.fields`) and X's 400s for bad parameters.
 */
import type { FakeTweet, FakeUser, IdBound, TweetStore } from './tweets.js';

const SEVEN_DAYS_MS = 7 * 24 * 3600 * 1000;

export interface SearchOutcome {
  status: number;
  body: unknown;
}

/** The opaque `next_token`: where the next page starts. `inclusive` replays the boundary tweet. */
interface PageCursor {
  below: string;
  inclusive: boolean;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(token: string): PageCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'below' in parsed &&
      typeof parsed.below === 'string' &&
      /^\d+$/.test(parsed.below)
    ) {
      return { below: parsed.below, inclusive: 'inclusive' in parsed && parsed.inclusive === true };
    }
  } catch {
    // fall through: X answers an unreadable token with a 400
  }
  return null;
}

/** X's 400 body shape for invalid parameters. */
export function invalidRequest(parameter: string, message: string): SearchOutcome {
  return {
    status: 400,
    body: {
      errors: [{ parameters: { [parameter]: [message] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

function list(params: URLSearchParams, name: string): Set<string> {
  return new Set((params.get(name) ?? '').split(',').filter((s) => s.length > 0));
}

function renderTweet(tweet: FakeTweet, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: tweet.id,
    text: tweet.text,
    edit_history_tweet_ids: [tweet.id],
  };
  if (fields.has('created_at')) out.created_at = tweet.createdAt;
  if (fields.has('author_id')) out.author_id = tweet.authorId;
  if (fields.has('lang')) out.lang = tweet.lang;
  if (fields.has('conversation_id')) out.conversation_id = tweet.conversationId;
  if (fields.has('public_metrics')) {
    out.public_metrics = { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0 };
  }
  if (fields.has('referenced_tweets') && tweet.referencedTweets) {
    out.referenced_tweets = tweet.referencedTweets;
  }
  if (fields.has('entities')) out.entities = {};
  return out;
}

function renderUser(user: FakeUser, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  if (fields.has('public_metrics')) {
    out.public_metrics = {
      followers_count: user.followers,
      following_count: 0,
      tweet_count: 1,
      listed_count: 0,
    };
  }
  if (fields.has('verified')) out.verified = user.verified;
  return out;
}

export interface SearchOptions {
  /** Repeat the last tweet of this page at the top of the next one (X does this at times). */
  duplicateBoundary: boolean;
  /** Answer with no tweets but a next_token to the same position (X does this at times). */
  emptyPage?: boolean;
  now: number;
}

export function searchRecent(params: URLSearchParams, store: TweetStore, options: SearchOptions): SearchOutcome {
  // 1. Validate the parameters the way X does.
  const query = params.get('query') ?? '';
  if (query.trim() === '') return invalidRequest('query', 'The `query` parameter can not be empty');
  if (query.length > 512) return invalidRequest('query', 'The `query` is longer than 512');
  const maxResults = Number(params.get('max_results') ?? '10');
  if (!Number.isInteger(maxResults) || maxResults < 10 || maxResults > 100) {
    return invalidRequest('max_results', 'The `max_results` query parameter value is not between 10 and 100');
  }
  const startTime = params.get('start_time');
  const startMs = startTime === null ? null : Date.parse(startTime);
  if (startMs !== null && (Number.isNaN(startMs) || startMs < options.now - SEVEN_DAYS_MS)) {
    return invalidRequest('start_time', 'Invalid start_time: must be a date within the last 7 days');
  }
  const endTime = params.get('end_time');
  const endMs = endTime === null ? null : Date.parse(endTime);
  const sinceId = params.get('since_id');
  const untilId = params.get('until_id');
  for (const [name, value] of [
    ['since_id', sinceId],
    ['until_id', untilId],
  ] as const) {
    if (value !== null && !/^\d{1,19}$/.test(value)) {
      return invalidRequest(name, `The \`${name}\` query parameter value [${value}] is not valid`);
    }
  }
  const token = params.get('next_token');
  const cursor = token === null ? null : decodeCursor(token);
  if (token !== null && cursor === null) {
    return invalidRequest('next_token', `The \`next_token\` query parameter value [${token}] is not valid`);
  }

  if (options.emptyPage) {
    const here = cursor ?? { below: untilId ?? '9223372036854775807', inclusive: untilId === null };
    return { status: 200, body: { meta: { result_count: 0, next_token: encodeCursor(here) } } };
  }

  // 2. Walk newest first from the tighter of until_id and the page cursor, down to since_id,
  //    keeping one extra match to know whether a next page exists.
  const excludeRetweets = /-is:retweet\b/i.test(query);
  const bounds: IdBound[] = [];
  if (untilId !== null) bounds.push({ id: BigInt(untilId), inclusive: false });
  if (cursor) bounds.push({ id: BigInt(cursor.below), inclusive: cursor.inclusive });
  const upper = bounds.reduce<IdBound | null>((a, b) => (a === null || b.id < a.id ? b : a), null);
  const page: FakeTweet[] = [];
  let more = false;
  for (const t of store.scan(upper, sinceId === null ? null : BigInt(sinceId))) {
    if (excludeRetweets && t.isRetweet) continue;
    const created = Date.parse(t.createdAt);
    if (startMs !== null && created < startMs) continue;
    if (endMs !== null && created >= endMs) continue;
    if (page.length === maxResults) {
      more = true;
      break;
    }
    page.push(t);
  }
  const newest = page[0];
  const oldest = page.at(-1);
  if (!newest || !oldest) return { status: 200, body: { meta: { result_count: 0 } } };

  // 3. Render with the requested fields only, as X does.
  const tweetFields = list(params, 'tweet.fields');
  const userFields = list(params, 'user.fields');
  const body: Record<string, unknown> = { data: page.map((t) => renderTweet(t, tweetFields)) };
  if (list(params, 'expansions').has('author_id')) {
    const authorIds = [...new Set(page.map((t) => t.authorId))];
    const users = authorIds.flatMap((id) => {
      const user = store.users.get(id);
      return user ? [renderUser(user, userFields)] : [];
    });
    body.includes = { users };
  }
  const meta: Record<string, unknown> = {
    newest_id: newest.id,
    oldest_id: oldest.id,
    result_count: page.length,
  };
  if (more) {
    meta.next_token = encodeCursor({ below: oldest.id, inclusive: options.duplicateBoundary });
  }
  body.meta = meta;
  return { status: 200, body };
}
