/**
 * The fake Mastodon's data model: statuses and accounts as the REST API describes them,
 * with ids minted the way Mastodon mints them — the creation time in milliseconds shifted
 * left 16 bits, plus a 16-bit sequence — so id order, time order and `min_id`/`max_id`
 * arithmetic agree as they do on a real instance. A status added with an old `createdAt`
 * gets an old id, as a remote post that federates late does on Mastodon.
 */

export interface FakeAccount {
  id: string;
  username: string;
  /** `username` for local accounts, `username@domain` for remote ones. */
  acct: string;
  displayName: string;
  followers: number;
  /** The account's profile page. */
  url: string;
}

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface FakeStatus {
  id: string;
  createdAt: string;
  /** HTML, as Mastodon renders it. */
  content: string;
  /** Lower-case hashtag names the status carries. */
  tags: string[];
  visibility: Visibility;
  language: string | null;
  account: FakeAccount;
  uri: string;
  url: string | null;
  /** Set on a boost: the status boosted. */
  reblog: FakeStatus | null;
}

/** What a test passes to `addStatuses`: everything but the words is optional. */
export interface FakeStatusInput {
  /** Plain words: rendered as one `<p>`, with `#tags` linked. Ignored when `content` is given. */
  text?: string;
  /** Raw HTML content, for tests of the conversion to plain text. */
  content?: string;
  /** Default: parsed from `#tags` in `text`/`content`. */
  tags?: string[];
  createdAt?: string | Date;
  visibility?: Visibility;
  language?: string | null;
  /** A boost of this status (content empty, as Mastodon sends it). */
  reblogOf?: FakeStatus;
  account?: { username: string; domain?: string; displayName?: string; followers?: number };
  /** Override the web URL (null: some remote posts have none). */
  url?: string | null;
}

/** The smallest id Mastodon can mint at `ms` (epoch milliseconds). */
export function mastodonIdAt(ms: number, sequence = 0): string {
  return ((BigInt(ms) << 16n) + BigInt(sequence)).toString();
}

/** The creation time (epoch ms) encoded in a Mastodon id. */
export function mastodonIdTime(id: string): number {
  return Number(BigInt(id) >> 16n);
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const TAG = /#([\p{L}\p{N}_]+)/gu;

/**
 * Keeps statuses newest first by id, as Mastodon's timelines order them. Scans start with a
 * binary search, so a benchmark with many thousands of statuses pages in time proportional
 * to the page.
 */
export class StatusStore {
  private statuses: FakeStatus[] = [];
  private ids: bigint[] = [];
  private sequence = 0;
  private readonly accounts = new Map<string, FakeAccount>();

  constructor(private readonly origin: () => string) {}

  add(inputs: readonly FakeStatusInput[]): FakeStatus[] {
    const added = inputs.map((input) => this.toStatus(input));
    const merged = [...this.statuses, ...added].map((s) => ({ s, id: BigInt(s.id) }));
    merged.sort((a, b) => (a.id === b.id ? 0 : a.id > b.id ? -1 : 1));
    this.statuses = merged.map((m) => m.s);
    this.ids = merged.map((m) => m.id);
    return added;
  }

  /** Newest first. */
  all(): readonly FakeStatus[] {
    return this.statuses;
  }

  /** Newest first, strictly below `below` (if given) and strictly above `above` (if given). */
  *descending(below: bigint | null, above: bigint | null): Generator<FakeStatus> {
    for (let i = this.firstBelow(below); i < this.statuses.length; i += 1) {
      if (above !== null && (this.ids[i] as bigint) <= above) return;
      yield this.statuses[i] as FakeStatus;
    }
  }

  /** Oldest first, strictly above `above` and strictly below `below` (if given). */
  *ascending(above: bigint, below: bigint | null): Generator<FakeStatus> {
    // Index of the last status whose id is above `above` (ids descend).
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] as bigint) > above) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i -= 1) {
      if (below !== null && (this.ids[i] as bigint) >= below) return;
      yield this.statuses[i] as FakeStatus;
    }
  }

  private firstBelow(below: bigint | null): number {
    if (below === null) return 0;
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] as bigint) >= below) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private toStatus(input: FakeStatusInput): FakeStatus {
    const account = this.account(input.account);
    const createdMs = input.createdAt === undefined ? Date.now() : new Date(input.createdAt).getTime();
    this.sequence = (this.sequence + 1) % 65_536;
    const id = mastodonIdAt(createdMs, this.sequence);
    const words = input.text ?? '';
    const content =
      input.content ??
      (input.reblogOf
        ? ''
        : `<p>${escapeHtml(words).replace(
            TAG,
            (_m, tag: string) =>
              `<a href="${this.origin()}/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
          )}</p>`);
    const tags = input.tags ?? [...(input.content ?? words).matchAll(TAG)].map((m) => (m[1] ?? '').toLowerCase());
    const home = account.acct.includes('@') ? `https://${account.acct.split('@')[1]}` : this.origin();
    return {
      id,
      createdAt: new Date(createdMs).toISOString(),
      content,
      tags: input.tags || !input.reblogOf ? [...new Set(tags)] : [],
      visibility: input.visibility ?? 'public',
      language: input.language === undefined ? 'en' : input.language,
      account,
      uri: `${home}/users/${account.username}/statuses/${id}`,
      url: input.url === undefined ? `${home}/@${account.username}/${id}` : input.url,
      reblog: input.reblogOf ?? null,
    };
  }

  private account(input: FakeStatusInput['account']): FakeAccount {
    const username = input?.username ?? 'happy_flyer';
    const acct = input?.domain ? `${username}@${input.domain}` : username;
    const known = this.accounts.get(acct);
    const account: FakeAccount = {
      id: known?.id ?? String(100_000 + this.accounts.size),
      username,
      acct,
      displayName: input?.displayName ?? known?.displayName ?? '',
      followers: input?.followers ?? known?.followers ?? 12,
      url: input?.domain ? `https://${input.domain}/@${username}` : `${this.origin()}/@${username}`,
    };
    this.accounts.set(acct, account);
    return account;
  }
}
