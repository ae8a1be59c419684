import { execFile } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { insertMentions } from '@goodchatter/db';
import { publishStoredMentions } from '@goodchatter/live-events';
import { createRedis } from '@goodchatter/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

const TSX = fileURLToPath(new URL('../../../../../node_modules/.bin/tsx', import.meta.url));
const PUBLISHER = fileURLToPath(new URL('../../test/publish-mention-event.ts', import.meta.url));

let h: Harness;
let base: string;
let ids: number[];

beforeAll(async () => {
  h = await startHarness({ sseHeartbeatMs: 300 });
  base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const rows = await insertMentions(
    h.database.db,
    Array.from({ length: 5 }, (_, i) => mentionRow(i, { label: i === 1 ? 'complaint' : 'praise' })),
  );
  ids = rows.map((r) => r.id);
});
afterAll(async () => {
  await h?.close();
});

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** A minimal EventSource: the raw stream, parsed into events and comments. */
function connect(path: string, headers: Record<string, string> = {}) {
  const events: SseEvent[] = [];
  let buffer = '';
  let status = 0;
  const req = http.get(`${base}${path}`, { headers: { authorization: `Bearer ${h.keys.read}`, ...headers } }, (res) => {
    status = res.statusCode ?? 0;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e: SseEvent = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) e.comment = line.slice(1).trim();
          else {
            const i = line.indexOf(':');
            const k = line.slice(0, i) as keyof SseEvent;
            if (k === 'id' || k === 'event' || k === 'data') e[k] = line.slice(i + 2);
          }
        }
        events.push(e);
        end = buffer.indexOf('\n\n');
      }
    });
  });
  req.on('error', () => {});
  return {
    events,
    status: () => status,
    mentions: () =>
      events
        .filter((e) => e.event === 'mention')
        .map((e) => JSON.parse(e.data ?? '{}') as { id: string; label: string }),
    ready: () =>
      expect
        .poll(() => events.some((e) => e.comment?.startsWith('connected')), {
          message: 'the stream to open',
          timeout: 30_000,
        })
        .toBe(true),
    close: () => req.destroy(),
  };
}

const publishFromAnotherProcess = (...pairs: string[]) =>
  promisify(execFile)(TSX, ['--conditions=source', PUBLISHER, h.env.redisUrl, h.env.prefix, ...pairs]);

describe('GET /v1/stream', () => {
  it('delivers praise published by another process, and complaints only when asked', async () => {
    const praiseOnly = connect('/v1/stream');
    const both = connect('/v1/stream?labels=praise,complaint');
    await Promise.all([praiseOnly.ready(), both.ready()]);
    expect(praiseOnly.status()).toBe(200);
    await publishFromAnotherProcess(`${ids[0]}:praise`, `${ids[1]}:complaint`);
    await expect.poll(() => both.mentions().length, { message: 'both events', timeout: 15_000 }).toBe(2);
    expect(both.mentions().map((m) => m.id)).toEqual([String(ids[0]), String(ids[1])]);
    await expect.poll(() => praiseOnly.mentions().length, { message: 'the praise', timeout: 30_000 }).toBe(1);
    expect(praiseOnly.mentions()[0]).toMatchObject({ id: String(ids[0]), label: 'praise', text: 'mention 0' });
    praiseOnly.close();
    both.close();
  });

  it('resumes after Last-Event-ID, then continues live, without repeats', { timeout: 90_000 }, async () => {
    const publisher = createRedis(h.env.redisUrl, 'worker');
    try {
      const first = connect('/v1/stream');
      await first.ready();
      await publishStoredMentions(publisher, [{ id: ids[2] as number, label: 'praise' }], h.env.prefix);
      await expect
        .poll(() => first.events.find((e) => e.event === 'mention' && e.data?.includes(`"id":"${ids[2]}"`)), {
          message: 'the first event',
          timeout: 30_000,
        })
        .toBeDefined();
      const lastId = first.events.filter((e) => e.event === 'mention').at(-1)?.id as string;
      first.close();
      // Published while the client is away.
      await publishStoredMentions(publisher, [{ id: ids[3] as number, label: 'praise' }], h.env.prefix);
      const again = connect('/v1/stream', { 'last-event-id': lastId });
      await again.ready();
      await publishStoredMentions(publisher, [{ id: ids[4] as number, label: 'praise' }], h.env.prefix);
      await expect.poll(() => again.mentions().length, { message: 'missed and live events', timeout: 30_000 }).toBe(2);
      expect(again.mentions().map((m) => m.id)).toEqual([String(ids[3]), String(ids[4])]);
      again.close();
    } finally {
      publisher.disconnect();
    }
  });

  it('sends heartbeats', async () => {
    const c = connect('/v1/stream');
    await c.ready();
    await expect
      .poll(() => c.events.some((e) => e.comment === 'heartbeat'), { message: 'a heartbeat', timeout: 30_000 })
      .toBe(true);
    c.close();
  });

  it('answers HEAD with its headers at once, holding no stream open', async () => {
    const res = await fetch(`${base}/v1/stream`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${h.keys.read}` },
      signal: AbortSignal.timeout(5000),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await expect.poll(() => h.app.streams.subscribers(), { message: 'no subscriber left', timeout: 30_000 }).toBe(0);
  });

  it('checks the key and the query', async () => {
    expect((await h.call({ method: 'GET', url: '/v1/stream', key: null })).status).toBe(401);
    const bad = await h.call({ method: 'GET', url: '/v1/stream?labels=praise,spam' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/labels/);
    expect((await h.call({ method: 'GET', url: '/v1/stream', headers: { 'last-event-id': 'nope' } })).status).toBe(400);
  });
});

describe('shutdown', () => {
  it('ends open streams when the app closes', async () => {
    const other = await startHarness();
    const address = await other.app.listen({ port: 0, host: '127.0.0.1' });
    let ended = false;
    await new Promise<void>((resolve) => {
      http.get(`${address}/v1/stream`, { headers: { authorization: `Bearer ${other.keys.read}` } }, (res) => {
        res.on('data', () => resolve());
        res.on('end', () => {
          ended = true;
        });
      });
    });
    const started = Date.now();
    await other.close();
    await expect.poll(() => ended, { message: 'the stream to end', timeout: 30_000 }).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
