import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { MentionInput } from '@goodchatter/core';
import {
  type FetchRequest,
  type FetchResult,
  type SkippedItem,
  type SourceAdapter,
  SourceQueryError,
} from './adapter.js';
import { parseReplayLine } from './replay-line.js';
import { recentRetimer } from './replay-recent.js';

export interface ReplaySourceOptions {
  /** Mentions handed over per `onBatch` call. */
  batchSize?: number;
  /** Told about every malformed line; the line is skipped and the rest goes through. */
  onBadLine?: (info: { file: string; line: number; error: string }) => void;
  /** Files whose posts are replayed as if just posted (replay-recent.ts): the demo sample. */
  asRecent?: (file: string) => boolean;
}

/**
 * Replays mentions from a JSONL file (the tracked query's `query` is the file path).
 * The checkpoint is the number of lines consumed, so a file that grows is picked up
 * where the last poll ended.
 */
export class ReplaySource implements SourceAdapter {
  readonly name = 'replay';
  constructor(private readonly opts: ReplaySourceOptions = {}) {}

  async fetchNew(req: FetchRequest): Promise<FetchResult> {
    const file = req.query.query;
    const start = req.checkpoint === null ? 0 : Number(req.checkpoint);
    if (!Number.isInteger(start) || start < 0) throw new SourceQueryError(`bad replay checkpoint ${req.checkpoint}`);
    await access(file).catch(() => {
      throw new SourceQueryError(`replay file not readable: ${file}`);
    });
    const retime = this.opts.asRecent?.(file) ? await recentRetimer(file) : undefined;
    const batchSize = this.opts.batchSize ?? 100;
    const limit = req.maxItems ?? Number.POSITIVE_INFINITY;
    const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    let lineNo = 0;
    let consumed = start;
    let batch: MentionInput[] = [];
    const skipped: SkippedItem[] = [];
    try {
      for await (const line of lines) {
        lineNo++;
        if (lineNo <= start) continue;
        if (consumed - start >= limit || req.signal?.aborted) break;
        consumed = lineNo;
        if (line.trim() === '') continue;
        const parsed = parseReplayLine(line, req.query);
        if (!parsed.ok) {
          this.opts.onBadLine?.({ file, line: lineNo, error: parsed.error });
          // Bounded: a file of garbage must not hold every line in memory.
          if (skipped.length < 1000) skipped.push({ line: lineNo, error: parsed.error, raw: line.slice(0, 4096) });
          continue;
        }
        if (retime) parsed.mention.postedAt = retime(parsed.mention.postedAt);
        batch.push(parsed.mention);
        if (batch.length >= batchSize) {
          await req.onBatch(batch);
          batch = [];
        }
      }
    } finally {
      lines.close();
    }
    if (batch.length > 0) await req.onBatch(batch);
    return { checkpoint: String(consumed), read: consumed - start, ...(skipped.length > 0 ? { skipped } : {}) };
  }
}
