/**
 * The fake Bluesky's posts, as the AppView indexes them: each has the `createdAt` its
 * author's client wrote, the `indexedAt` the AppView stamped when it saw it (by default a
 * second later, as on the network), and a `sortAt` — the earlier of the two — which is what
 * search sorts and filters on (`since`/`until`).
 */
import { cidOf, didFor, tid } from './identifiers.js';

export interface FakeBskyAuthor {
  did: string;
  handle: string;
  displayName?: string;
}

export interface FakeBskyPost {
  uri: string;
  cid: string;
  author: FakeBskyAuthor;
  text: string;
  langs?: string[];
  createdAt: string;
  indexedAt: string;
  /** min(createdAt, indexedAt), epoch ms. */
  sortAt: number;
}

export interface FakeBskyPostInput {
  text: string;
  /** When the AppView saw it; default now. */
  indexedAt?: string | Date;
  /** What the author's client wrote; default a second before indexedAt. */
  createdAt?: string | Date;
  langs?: string[];
  author?: { handle: string; displayName?: string };
}

const DEFAULT_AUTHOR = { handle: 'happy-flyer.bsky.social', displayName: 'Happy Flyer' };

/** Posts newest `sortAt` first; among equal times the later added first. */
export class PostStore {
  private posts: FakeBskyPost[] = [];
  private clock = 0;

  add(inputs: readonly FakeBskyPostInput[]): FakeBskyPost[] {
    const added = inputs.map((input) => this.toPost(input));
    // Stable sort: a post added later (an equal time) goes before the earlier ones.
    this.posts = [...added.slice().reverse(), ...this.posts].sort((a, b) => b.sortAt - a.sortAt);
    return added;
  }

  all(): readonly FakeBskyPost[] {
    return this.posts;
  }

  private toPost(input: FakeBskyPostInput): FakeBskyPost {
    const indexedMs = input.indexedAt === undefined ? Date.now() : new Date(input.indexedAt).getTime();
    const createdMs = input.createdAt === undefined ? indexedMs - 1000 : new Date(input.createdAt).getTime();
    const author = input.author ?? DEFAULT_AUTHOR;
    const did = didFor(author.handle);
    this.clock = (this.clock + 1) % 1024;
    const createdAt = new Date(createdMs).toISOString();
    return {
      uri: `at://${did}/app.bsky.feed.post/${tid(createdMs, this.clock)}`,
      cid: cidOf(`${did}${createdAt}${input.text}${this.clock}`),
      author: { did, handle: author.handle, ...(author.displayName ? { displayName: author.displayName } : {}) },
      text: input.text,
      ...(input.langs ? { langs: input.langs } : {}),
      createdAt,
      indexedAt: new Date(indexedMs).toISOString(),
      sortAt: Math.min(createdMs, indexedMs),
    };
  }
}
