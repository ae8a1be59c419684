import { closeRedis, duplicateRedis, type RedisConnection } from '@goodchatter/queues';
import type { ApiKeyIdentity } from './identity.js';

const TTL_MS = 60_000;

/**
 * Valid keys by hash, so most requests skip the key lookup. Revocation must still take
 * effect at once in every API process: a revoke evicts locally and publishes the hash on
 * a Redis channel every process subscribes to. While this process's subscription is not
 * live (connecting, or Redis down) it could miss an eviction, so the cache is bypassed
 * and emptied, and every request goes to the database as if there were no cache.
 */
export class KeyCache {
  private readonly entries = new Map<string, { key: ApiKeyIdentity; expires: number }>();
  private readonly subscriber: RedisConnection;
  private live = false;
  /** Bumped by every eviction: a lookup that raced one must not cache what it read. */
  generation = 0;

  constructor(
    private readonly redis: RedisConnection,
    private readonly channel: string,
  ) {
    // In a Redis Cluster a PUBLISH reaches subscribers on every node: no key, no slot.
    this.subscriber = duplicateRedis(redis, 'key revocation subscriber');
    const down = () => {
      this.live = false;
      this.generation++;
      this.entries.clear();
    };
    this.subscriber.on('close', down);
    this.subscriber.on('end', down);
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel).then(() => {
        this.entries.clear();
        this.live = true;
      }, down);
    });
    this.subscriber.on('message', (_channel: string, hash: string) => {
      this.generation++;
      this.entries.delete(hash);
    });
  }

  /** Whether evictions reach this process now (only then is anything cached). */
  get isLive(): boolean {
    return this.live;
  }

  get(hash: string): ApiKeyIdentity | undefined {
    if (!this.live) return undefined;
    const hit = this.entries.get(hash);
    if (hit && hit.expires > Date.now()) return hit.key;
    if (hit) this.entries.delete(hash);
    return undefined;
  }

  /** Caches what a lookup begun at `generation` found, unless an eviction came since. */
  set(hash: string, key: ApiKeyIdentity, generation: number): void {
    if (this.live && generation === this.generation) this.entries.set(hash, { key, expires: Date.now() + TTL_MS });
  }

  /** Evicts here, then everywhere; throws if the other processes cannot be told. */
  async revoke(hash: string): Promise<void> {
    this.generation++;
    this.entries.delete(hash);
    await this.redis.publish(this.channel, hash);
  }

  async close(): Promise<void> {
    this.live = false;
    await closeRedis(this.subscriber);
  }
}
