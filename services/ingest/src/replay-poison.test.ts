import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, ensureQuery, getQuery, listRejections } from '@goodchatter/db';
import { createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import { ReplaySource } from '@goodchatter/sources';
import { createTestEnv, syntheticLines } from '@goodchatter/testing';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { pollQuery } from './processors/poll.js';

describe('a replay file with lines that can never be stored', () => {
  it('skips those lines by number, queues the rest of the page and records each skip', async () => {
    const env = await createTestEnv();
    const database = createDatabase(env.databaseUrl, { max: 2 });
    const redis = createRedis(env.redisUrl, 'producer');
    const dir = await mkdtemp(join(tmpdir(), 'gc-replay-'));
    const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    try {
      const lines = syntheticLines(30, 7);
      const bad = (i: number, over: Record<string, unknown>) =>
        JSON.stringify({ ...JSON.parse(lines[i] as string), ...over });
      lines[4] = bad(4, { author: { handle: 'big', followers: 3_000_000_000 } });
      lines[9] = bad(9, { text: 'nul \u0000 byte' });
      lines[19] = bad(19, { postedAt: '0000-01-01T00:00:00Z' });
      const file = join(dir, 'mentions.jsonl');
      await writeFile(file, `${lines.join('\n')}\n`);
      const q = await ensureQuery(database.db, { brand: 'Acme Air', source: 'replay', query: file });

      const logger = pino({ level: 'silent' });
      const sources = { replay: new ReplaySource({ batchSize: 100 }) };
      const out = await pollQuery({ database, scoreQueue, sources, logger }, q.id);
      expect(out).toEqual({ status: 'polled', read: 30, enqueued: 27 });

      const jobs = await scoreQueue.getWaiting();
      expect(jobs.flatMap((j) => j.data.mentions)).toHaveLength(27);
      expect(await getQuery(database.db, q.id)).toMatchObject({ checkpoint: '30', status: 'active' });
      const rejected = (await listRejections(database.db, { limit: 10 })).data;
      expect(rejected.map((r) => [r.line, r.stage, r.queryId]).sort()).toEqual([
        [10, 'replay', q.id],
        [20, 'replay', q.id],
        [5, 'replay', q.id],
      ]);
      expect(rejected.find((r) => r.line === 5)?.reason).toContain('author.followers');
    } finally {
      await scoreQueue.close();
      redis.disconnect();
      await database.close();
      await rm(dir, { recursive: true, force: true });
      await env.cleanup();
    }
  });
});
