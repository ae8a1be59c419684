import { rename, writeFile } from 'node:fs/promises';

const BATCH = 20;

/**
 * The steady stream of mentions the faults hit: batches pushed to the API (retried, same
 * ids, until a 202, as a client should on a 503 or a refused connection), and every few
 * batches lines added to a replay file ingest polls. Every mention has source `faults`
 * and an id of its own; `ids` holds the ones accepted (202, or written to the file).
 */
export class Traffic {
  readonly ids: string[] = [];
  /** Push answers by status (retries included), since the last `resetStatuses`. */
  statuses = new Map<number, number>();
  /** 503 answers without a Retry-After header. */
  missingRetryAfter = 0;
  private n = 0;
  private round = 0;
  private readonly replayLines: string[] = [];
  private running = false;
  private loop?: Promise<void>;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly opts: { apiUrl: string; adminKey: string; replayFile: string; texts: string[] }) {}

  /** Keeps traffic flowing, a batch every `paceMs` (plus the answer's time), until `stop`. */
  start(paceMs: number): void {
    if (this.loop) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.send();
        await new Promise((r) => setTimeout(r, paceMs));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = undefined;
  }

  /** One batch through the API and, every fifth round or when asked, one through the replay file; returns their ids. */
  async send(withReplay = this.round++ % 5 === 0): Promise<string[]> {
    const pushed = this.nextIds('p');
    await this.push(pushed);
    this.ids.push(...pushed);
    if (!withReplay) return pushed;
    const replayed = this.nextIds('r');
    await this.appendReplay(replayed);
    this.ids.push(...replayed);
    return [...pushed, ...replayed];
  }

  resetStatuses(): void {
    this.statuses = new Map();
    this.missingRetryAfter = 0;
  }

  private nextIds(kind: string): string[] {
    return Array.from({ length: BATCH }, () => `f${kind}-${++this.n}`);
  }

  private mention(i: number) {
    return {
      text: this.opts.texts[(this.n + i) % this.opts.texts.length] as string,
      author: { handle: `fan${i}` },
      postedAt: new Date().toISOString(),
      brand: 'Faults',
    };
  }

  private async push(ids: string[]): Promise<void> {
    const mentions = ids.map((id, i) => ({ source: 'faults', externalId: id, ...this.mention(i) }));
    for (;;) {
      let status: number | undefined;
      try {
        const res = await fetch(`${this.opts.apiUrl}/v1/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.opts.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ mentions }),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
        if (status === 503 && !res.headers.get('retry-after')) this.missingRetryAfter++;
        if (status === 202) return;
        if (status !== 503 && status !== 429) throw new Error(`push answered ${status}: ${await res.text()}`);
      } catch (err) {
        // A refused connection or a timeout (the API killed) is retried; any other answer fails the suite.
        if (status !== undefined && status !== 503 && status !== 429) throw err;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Ingest may read the file at any moment, so it is replaced whole (write, then rename),
   * never appended to: a poll sees the old lines or the new ones, never half a line.
   */
  private async appendReplay(ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      this.replayLines.push(JSON.stringify({ id, source: 'faults', ...this.mention(i) }));
    }
    // One write at a time (the stream and a probe may both add lines), so no version of
    // the file is older than the one before it.
    const write = async () => {
      const tmp = `${this.opts.replayFile}.tmp`;
      await writeFile(tmp, `${this.replayLines.join('\n')}\n`);
      await rename(tmp, this.opts.replayFile);
    };
    this.writing = this.writing.then(write, write);
    await this.writing;
  }
}
