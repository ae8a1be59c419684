import type { RedisConnection } from '@goodchatter/queues';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

export interface AddressLimit {
  max: number;
  windowMs: number;
}

/**
 * Counts requests per client address in Redis (so the count holds across API processes)
 * and refuses an address past `max` per window with 429 and Retry-After. Guards what
 * anyone may call without a key: key guessing, sign-in, public share links. With Redis
 * down there is no limit rather than no service. Each address is one key, and the MULTI
 * below names only it, so it stays in one slot in a Redis Cluster.
 */
export class AddressLimiter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keyPrefix: string,
    private readonly limit: AddressLimit | false,
    /** Ends the 429 message: "too many requests <what> from this address". */
    private readonly what: string,
  ) {}

  private key(req: FastifyRequest) {
    return `${this.keyPrefix}:${req.ip}`;
  }

  /** Throws 429 when this address is past the limit. */
  async check(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const limit = this.limit;
    if (!limit) return;
    const count = Number(await this.redis.get(this.key(req)).catch(() => null));
    if (count < limit.max) return;
    const ttl = await this.redis.pttl(this.key(req)).catch(() => limit.windowMs);
    reply.header('retry-after', Math.max(1, Math.ceil(ttl / 1000)));
    throw new HttpError(429, `too many requests ${this.what} from this address; retry in ${ttl} ms`);
  }

  async count(req: FastifyRequest): Promise<void> {
    if (!this.limit) return;
    await this.redis
      .multi()
      .incr(this.key(req))
      .pexpire(this.key(req), this.limit.windowMs, 'NX')
      .exec()
      .catch(() => {});
  }
}
