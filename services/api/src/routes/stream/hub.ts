import type { Mention } from '@goodchatter/core';
import { type Db, getMentions, toMention } from '@goodchatter/db';
import { mentionEventsKey } from '@goodchatter/live-events';
import { duplicateRedis, type RedisConnection } from '@goodchatter/queues';
import type { FastifyBaseLogger } from 'fastify';

export interface LiveEvent {
  /** The Redis stream entry id: the SSE event id. */
  id: string;
  label: string;
  mention: Mention;
}

type Listener = (events: LiveEvent[]) => void;
type Entry = [id: string, fields: string[]];

/** Stream ids are "<ms>-<seq>": compare numerically, part by part. */
export function afterId(a: string, b: string): boolean {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am > bm || (am === bm && as > bs);
}

/**
 * One reader per API process for the mention-event stream, however many clients listen:
 * it blocks on XREAD on its own connection (a blocking read would stall the shared one),
 * loads each batch's mentions once, and fans them out.
 */
export class MentionEventHub {
  private readonly key: string;
  private readonly listeners = new Set<Listener>();
  private reader?: RedisConnection;
  private started?: Promise<void>;
  private closed = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly db: Db,
    prefix: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.key = mentionEventsKey(prefix);
  }

  /** Resolves once the reader's position is fixed: every later event reaches `listener`. */
  /** Live subscribers (each open stream has one). */
  get subscribers(): number {
    return this.listeners.size;
  }

  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    this.started ??= this.start();
    await this.started;
    return () => this.listeners.delete(listener);
  }

  /** Events after `lastId` still kept in the stream (for Last-Event-ID resume). */
  async since(lastId: string, count = 1000): Promise<LiveEvent[]> {
    const entries = (await this.redis.xrange(this.key, `(${lastId}`, '+', 'COUNT', count)) as Entry[];
    return this.load(entries);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    // Not QUIT: the reader is blocked in XREAD (up to 5 s), and Redis would read a QUIT
    // only after that; nothing it sent is left unanswered by dropping the socket.
    this.reader?.disconnect();
  }

  private async start(): Promise<void> {
    // In a Redis Cluster the stream is one key, so XREAD goes to the node that holds it.
    this.reader = duplicateRedis(this.redis, 'live stream reader');
    const [last] = (await this.reader.xrevrange(this.key, '+', '-', 'COUNT', 1)) as Entry[];
    void this.loop(last?.[0] ?? '0-0');
  }

  private async loop(from: string): Promise<void> {
    let last = from;
    while (!this.closed) {
      try {
        const res = (await this.reader?.xread('COUNT', 500, 'BLOCK', 5000, 'STREAMS', this.key, last)) as
          | [string, Entry[]][]
          | null;
        const entries = res?.[0]?.[1] ?? [];
        if (entries.length === 0) continue;
        last = entries.at(-1)?.[0] ?? last;
        const events = await this.load(entries);
        for (const listener of this.listeners) listener(events);
      } catch (err) {
        if (this.closed) return;
        this.log.warn({ err }, 'live stream read failed; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async load(entries: Entry[]): Promise<LiveEvent[]> {
    const parsed = entries.map(([id, fields]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i] as string] = fields[i + 1] as string;
      return { id, mentionId: Number(f.id), label: f.label ?? '' };
    });
    const rows = await getMentions(
      this.db,
      parsed.map((p) => p.mentionId).filter((n) => Number.isSafeInteger(n)),
    );
    const byId = new Map(rows.map((r) => [r.id, toMention(r)]));
    return parsed.flatMap((p) => {
      const mention = byId.get(p.mentionId);
      return mention ? [{ id: p.id, label: p.label, mention }] : [];
    });
  }
}
