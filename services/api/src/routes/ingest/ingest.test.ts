import { MentionInput } from '@goodchatter/core';
import { createQueue, createRedis, QUEUES, ScoreJob } from '@goodchatter/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const item = (i: number) => ({
  source: 'zendesk',
  externalId: `t-${i}`,
  text: `Thanks for the quick help ${i}`,
  author: { handle: `cust${i}`, followers: i },
  postedAt: '2026-11-20T10:00:00Z',
  brand: 'Acme',
});

async function waitingJobs() {
  const connection = createRedis(h.env.redisUrl, 'worker');
  const queue = createQueue(QUEUES.score, { connection, prefix: h.env.prefix });
  try {
    return await queue.getJobs(['waiting', 'delayed', 'prioritized']);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

describe('POST /v1/ingest', () => {
  it('validates every item, rejects the whole request naming the item and field, enqueues nothing', async () => {
    const mentions = [item(0), item(1), { ...item(2), author: { followers: 3 } }, item(3)];
    const res = await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.write, payload: { mentions } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/body\.mentions\.2\.author\.handle/);
    const bad = await h.call({
      method: 'POST',
      url: '/v1/ingest',
      key: h.keys.write,
      payload: { mentions: [item(0), { ...item(1), postedAt: 'yesterday' }] },
    });
    expect(bad.body.error.message).toMatch(/body\.mentions\.1\.postedAt/);
    expect(await waitingJobs()).toHaveLength(0);
  });

  it.each([
    [{ mentions: [] }, /mentions/],
    [{ mentions: Array.from({ length: 1001 }, (_, i) => item(i)) }, /mentions/],
    [{}, /mentions/],
  ])('rejects a body outside 1–1,000 items', async (payload, message) => {
    const res = await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.write, payload });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('needs the write scope', async () => {
    const payload = { mentions: [item(0)] };
    expect((await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.read, payload })).status).toBe(403);
    expect((await h.call({ method: 'POST', url: '/v1/ingest', key: null, payload })).status).toBe(401);
  });

  it('answers 202 and enqueues score jobs with the polled-mention payload', async () => {
    const mentions = Array.from({ length: 250 }, (_, i) => item(i));
    const res = await h.call({ method: 'POST', url: '/v1/ingest', key: h.keys.write, payload: { mentions } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 250, jobs: 3 });
    const jobs = await waitingJobs();
    expect(jobs).toHaveLength(3);
    const payloads = jobs.map((j) => ScoreJob.parse(j.data));
    expect(payloads.flatMap((p) => p.mentions.map((m) => MentionInput.parse(m).externalId)).sort()).toEqual(
      mentions.map((m) => m.externalId).sort(),
    );
    expect(payloads[0]?.mentions[0]).toMatchObject({ source: 'zendesk', author: { handle: expect.any(String) } });
  });
});
