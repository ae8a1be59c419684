import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MentionInput } from '@goodchatter/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceQueryError } from './adapter.js';
import { DEMO_MENTIONS_FILE } from './demo.js';
import { ReplaySource } from './replay-source.js';

const line = (id: string, text = `text ${id}`) =>
  JSON.stringify({ id, text, author: { handle: `h${id}` }, postedAt: '2026-11-20T10:00:00Z' });

describe('ReplaySource', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'replay-'));
    file = join(dir, 'm.jsonl');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const query = (path: string) => ({ id: 7, brand: 'Acme', source: 'replay', query: path, lookbackSeconds: 3600 });

  async function drain(src: ReplaySource, checkpoint: string | null, maxItems?: number) {
    const batches: MentionInput[][] = [];
    const result = await src.fetchNew({
      query: query(file),
      checkpoint,
      maxItems,
      onBatch: async (b) => {
        batches.push(b);
      },
    });
    return { batches, result, ids: batches.flat().map((m) => m.externalId) };
  }

  it('hands over every line in batches and returns the lines consumed as checkpoint', async () => {
    await writeFile(file, `${[1, 2, 3, 4, 5].map((i) => line(String(i))).join('\n')}\n`);
    const { batches, result, ids } = await drain(new ReplaySource({ batchSize: 2 }), null);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(ids).toEqual(['1', '2', '3', '4', '5']);
    expect(result).toEqual({ checkpoint: '5', read: 5 });
    expect(batches[0]?.[0]).toMatchObject({ source: 'replay', brand: 'Acme', queryId: 7 });
  });

  it('resumes after the checkpoint when the file grows', async () => {
    await writeFile(file, `${line('a')}\n${line('b')}\n`);
    const src = new ReplaySource();
    const first = await drain(src, null);
    await appendFile(file, `${line('c')}\n`);
    const second = await drain(src, first.result.checkpoint);
    expect(second.ids).toEqual(['c']);
    expect(second.result.checkpoint).toBe('3');
  });

  it('logs a malformed line with its line number, skips it and passes the rest', async () => {
    const bad: { line: number; error: string }[] = [];
    await writeFile(file, [line('1'), '{not json', JSON.stringify({ id: 'x' }), line('4')].join('\n'));
    const { ids, result } = await drain(new ReplaySource({ onBadLine: (b) => bad.push(b) }), null);
    expect(ids).toEqual(['1', '4']);
    expect(bad.map((b) => b.line)).toEqual([2, 3]);
    expect(bad[0]?.error).toMatch(/not JSON/);
    expect(bad[1]?.error).toMatch(/text/);
    expect(result.checkpoint).toBe('4');
  });

  it('stops at maxItems and resumes from there', async () => {
    await writeFile(file, [1, 2, 3, 4].map((i) => line(String(i))).join('\n'));
    const src = new ReplaySource();
    const first = await drain(src, null, 3);
    expect(first.ids).toEqual(['1', '2', '3']);
    const second = await drain(src, first.result.checkpoint);
    expect(second.ids).toEqual(['4']);
  });

  it('refuses a missing file with a query error', async () => {
    await expect(drain(new ReplaySource(), null)).rejects.toBeInstanceOf(SourceQueryError);
  });

  it('a line that omits source keeps the line source when given', async () => {
    await writeFile(file, JSON.stringify({ ...JSON.parse(line('9')), source: 'appstore' }));
    const { batches } = await drain(new ReplaySource(), null);
    expect(batches[0]?.[0]?.source).toBe('appstore');
  });
});

describe('the bundled demo sample', () => {
  it('has about 300 valid mentions with unique ids and several brands', async () => {
    const bad: number[] = [];
    const src = new ReplaySource({ batchSize: 1000, onBadLine: (b) => bad.push(b.line) });
    const all: MentionInput[] = [];
    await src.fetchNew({ query: query(), checkpoint: null, onBatch: async (b) => void all.push(...b) });
    expect(bad).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(280);
    expect(new Set(all.map((m) => m.externalId)).size).toBe(all.length);
    expect(new Set(all.map((m) => m.brand)).size).toBeGreaterThanOrEqual(4);
    expect(all.some((m) => m.lang && m.lang !== 'en')).toBe(true);
    function query() {
      return { id: 1, brand: 'Demo', source: 'replay', query: DEMO_MENTIONS_FILE, lookbackSeconds: 0 };
    }
  });
});
