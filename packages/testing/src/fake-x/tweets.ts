/**
 * The fake X API's data model: tweets and users as the v2 API describes them, with ids
 * that are real snowflakes so id order, time order and X's `since_id`/`until_id`
 * arithmetic agree the way they do on X.
 */

/** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
export const SNOWFLAKE_EPOCH_MS = 1_288_834_974_657n;

export interface FakeUser {
  id: string;
  username: string;
  name: string;
  followers: number;
  verified: boolean;
}

export interface FakeTweet {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
  lang: string;
  conversationId: string;
  /** A native retweet: dropped when the query says `-is:retweet`. */
  isRetweet: boolean;
  referencedTweets?: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string }[];
}

/** What a test passes to `addTweets`: everything but the text is optional. */
export interface FakeTweetInput {
  id?: string;
  text: string;
  createdAt?: string | Date;
  lang?: string;
  isRetweet?: boolean;
  referencedTweets?: FakeTweet['referencedTweets'];
  author?: Partial<FakeUser> & { username: string };
}

/** The smallest snowflake minted at `ms` (epoch milliseconds). */
export function snowflakeAt(ms: number, sequence = 0): string {
  return (((BigInt(ms) - SNOWFLAKE_EPOCH_MS) << 22n) + BigInt(sequence)).toString();
}

/** The creation time (epoch ms) encoded in a snowflake id. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
}

const DEFAULT_AUTHOR: FakeUser = {
  id: '2244994945',
  username: 'fan_account',
  name: 'A Fan',
  followers: 42,
  verified: false,
};

/** An exclusive or inclusive upper id bound on a scan. */
export interface IdBound {
  id: bigint;
  inclusive: boolean;
}

/**
 * Keeps tweets newest first (by id, as X orders search results) and users by id. Ids are
 * minted from the creation time plus a per-store sequence, so tweets created in the same
 * millisecond stay distinct and ordered by insertion. Scans start by binary search, so a
 * benchmark with many thousands of tweets pages in time proportional to the page.
 */
export class TweetStore {
  readonly users = new Map<string, FakeUser>();
  private readonly usersByName = new Map<string, FakeUser>();
  private tweets: FakeTweet[] = [];
  /** tweets[i].id as a bigint, same order (descending). */
  private ids: bigint[] = [];
  private sequence = 0;

  add(inputs: readonly FakeTweetInput[]): FakeTweet[] {
    const added = inputs.map((input) => this.toTweet(input));
    const merged = [...this.tweets, ...added].map((t) => ({ t, id: BigInt(t.id) }));
    merged.sort((a, b) => (a.id === b.id ? 0 : a.id > b.id ? -1 : 1));
    this.tweets = merged.map((m) => m.t);
    this.ids = merged.map((m) => m.id);
    return added;
  }

  /** Newest first. */
  all(): readonly FakeTweet[] {
    return this.tweets;
  }

  /** Tweets newest first, below `upper` (if any) and strictly above `floor` (if any). */
  *scan(upper: IdBound | null, floor: bigint | null): Generator<FakeTweet> {
    let lo = 0;
    if (upper) {
      // First index whose id is below the bound (ids descend).
      let hi = this.ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const id = this.ids[mid] as bigint;
        if (upper.inclusive ? id > upper.id : id >= upper.id) lo = mid + 1;
        else hi = mid;
      }
    }
    for (let i = lo; i < this.tweets.length; i += 1) {
      if (floor !== null && (this.ids[i] as bigint) <= floor) return;
      yield this.tweets[i] as FakeTweet;
    }
  }

  private toTweet(input: FakeTweetInput): FakeTweet {
    const user = this.upsertUser(input.author);
    const createdMs = input.createdAt === undefined ? Date.now() : new Date(input.createdAt).getTime();
    this.sequence = (this.sequence + 1) % 4096;
    const id = input.id ?? snowflakeAt(createdMs, this.sequence);
    return {
      id,
      text: input.text,
      authorId: user.id,
      createdAt: new Date(createdMs).toISOString(),
      lang: input.lang ?? 'en',
      conversationId: id,
      isRetweet: input.isRetweet ?? false,
      ...(input.referencedTweets ? { referencedTweets: input.referencedTweets } : {}),
    };
  }

  private upsertUser(author: FakeTweetInput['author']): FakeUser {
    if (!author) return this.remember(DEFAULT_AUTHOR);
    const known = this.usersByName.get(author.username);
    return this.remember({ ...DEFAULT_AUTHOR, id: String(1000 + this.users.size), ...known, ...author });
  }

  private remember(user: FakeUser): FakeUser {
    this.users.set(user.id, user);
    this.usersByName.set(user.username, user);
    return user;
  }
}
