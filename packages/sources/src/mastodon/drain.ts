/** What the tag-timeline and search drains share: the poll's context and handing a page over. */
import type { MentionInput } from '@goodchatter/core';
import type { SourceQuery, SourceRateLimit } from '../adapter.js';
import type { MastodonClientOptions } from './client.js';
import { type Status, statusToMention } from './response.js';

/** Mastodon's largest page for both endpoints. */
export const PAGE_SIZE = 40;

export interface DrainContext {
  client: MastodonClientOptions;
  query: SourceQuery;
  onBatch: (items: MentionInput[]) => Promise<void>;
  signal?: AbortSignal;
  now: () => number;
}

/** What a drain has dealt with so far. */
export interface Handed {
  /** Ids never to hand over (again): the checkpoint's, and this drain's. */
  seen: Set<string>;
  /** Ids dealt with in this drain: handed over, or skipped for good (boosts, not public). */
  ids: string[];
}

/**
 * Hands over the statuses of one page that are new (`isNew`, and not in `seen`), as one
 * batch, and awaits it before the drain reads on.
 */
export async function handOver(
  ctx: DrainContext,
  statuses: Status[],
  handed: Handed,
  isNew: (id: bigint) => boolean,
): Promise<void> {
  const mentions: MentionInput[] = [];
  for (const status of statuses) {
    if (handed.seen.has(status.id) || !isNew(BigInt(status.id))) continue;
    handed.seen.add(status.id);
    handed.ids.push(status.id);
    const mention = statusToMention(status, ctx.query);
    if (mention) mentions.push(mention);
  }
  if (mentions.length > 0) await ctx.onBatch(mentions);
}

/** True when the instance said no requests are left before a reset still ahead. */
export const windowSpent = (rateLimit: SourceRateLimit | undefined, now: number) =>
  rateLimit !== undefined && rateLimit.remaining === 0 && rateLimit.resetAt > now;

/** The `min_id` of a Link header's `rel="prev"`: where the next newer page starts. */
export function prevMinId(link: string | null): bigint | undefined {
  for (const part of link?.split(',') ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="?prev"?/.exec(part);
    if (!match?.[1]) continue;
    try {
      const minId = new URL(match[1]).searchParams.get('min_id');
      if (minId && /^\d{1,19}$/.test(minId)) return BigInt(minId);
    } catch {
      // an unreadable link: fall back to the page itself
    }
  }
  return undefined;
}

export function maxId(statuses: Status[]): bigint {
  return statuses.reduce((max, s) => (BigInt(s.id) > max ? BigInt(s.id) : max), 0n);
}

export function minId(statuses: Status[], start: bigint | undefined): bigint | undefined {
  return statuses.reduce<bigint | undefined>((min, s) => {
    const id = BigInt(s.id);
    return min === undefined || id < min ? id : min;
  }, start);
}
