import { insertMentions, recordPollError } from '@goodchatter/db';
import { createQueue, type PollJob, pollSchedulerId, QUEUES, type Queue } from '@goodchatter/queues';
import { mentionRow } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/api-harness.js';

let h: Harness;
let pollQueue: Queue<PollJob>;

beforeAll(async () => {
  h = await startHarness({ rateLimit: false });
  pollQueue = createQueue(QUEUES.poll, { connection: h.redis, prefix: h.env.prefix });
});

afterAll(async () => {
  await pollQueue.close();
  await h.close();
});

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
/** Admin by default: admin implies the write and read scopes these routes need. */
async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, key?: string) {
  const res = await h.call({ method, url, key: key ?? h.keys.admin, ...(payload ? { payload } : {}) });
  return { status: res.status, body: (res.body ?? null) as Json };
}

const sql = (text: string, values: unknown[]) => h.database.pool.query(text, values);

let n = 0;
/** A query text of this test's own, so tests never collide on (source, query). */
const fresh = (label: string) => `@Acme${label}${++n} OR "Acme ${label} ${n}"`;
const create = (over: object = {}) =>
  call('POST', '/v1/queries', { brand: 'Acme Air', source: 'x', query: fresh('q'), ...over });
const scheduler = (id: number) => pollQueue.getJobScheduler(pollSchedulerId(id));

describe('POST /v1/queries', () => {
  it('creates a query with defaults, shows its poll state, and schedules it', async () => {
    const res = await create({ query: '@AcmeAir OR "Acme Air"' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      brand: 'Acme Air',
      source: 'x',
      query: '@AcmeAir OR "Acme Air"',
      enabled: true,
      pollIntervalSeconds: 60,
      lookbackSeconds: 3600,
      dailyBudget: 2000,
      status: 'active',
      checkpoint: null,
      lastPolledAt: null,
      lastError: null,
      readsToday: 0,
      pausedUntil: null,
    });
    const id = res.body.id as number;
    expect(id).toBeGreaterThan(0);
    expect((await call('GET', `/v1/queries/${id}`)).body).toEqual(res.body);
    expect(Number((await scheduler(id))?.every)).toBe(60_000);
  });

  it('does not schedule a query created disabled', async () => {
    const res = await create({ enabled: false, pollIntervalSeconds: 15 });
    expect(res.status).toBe(201);
    expect(res.body.pollIntervalSeconds).toBe(15);
    expect(await scheduler(res.body.id as number)).toBeUndefined();
  });

  it('answers 409 for the same source and query text, and accepts the text on another source', async () => {
    const query = fresh('dup');
    expect((await create({ query })).status).toBe(201);
    const again = await create({ query: `  ${query} ` });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('conflict');
    expect((await create({ query, source: 'replay' })).status).toBe(201);
  });
});

describe('GET /v1/queries', () => {
  it('lists every query in creation order; 404 and 400 for unknown and malformed ids', async () => {
    const a = (await create()).body.id as number;
    const b = (await create()).body.id as number;
    const ids = ((await call('GET', '/v1/queries')).body.data as { id: number }[]).map((q) => q.id);
    expect(ids.indexOf(a)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(b)).toBeGreaterThan(ids.indexOf(a));
    const missing = await call('GET', '/v1/queries/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toBe('query 999999 not found');
    expect((await call('GET', '/v1/queries/abc')).status).toBe(400);
  });

  it("counts only today's reads (UTC) and hides a pause that has passed", async () => {
    const id = (await create()).body.id as number;
    const set = (day: string, pausedUntil: Date) =>
      sql(
        "UPDATE tracked_queries SET status = 'paused', reads_today = 700, reads_day = $2, paused_until = $3 WHERE id = $1",
        [id, day, pausedUntil],
      );
    await set('2020-01-01', new Date(Date.now() - 1000));
    expect((await call('GET', `/v1/queries/${id}`)).body).toMatchObject({
      status: 'active',
      readsToday: 0,
      pausedUntil: null,
    });
    const until = new Date(Date.now() + 3_600_000);
    await set(new Date().toISOString().slice(0, 10), until);
    expect((await call('GET', `/v1/queries/${id}`)).body).toMatchObject({
      status: 'paused',
      readsToday: 700,
      pausedUntil: until.toISOString(),
    });
  });
});

describe('PATCH /v1/queries/:id', () => {
  it('reschedules on a new interval and unschedules when disabled', async () => {
    const id = (await create()).body.id as number;
    const res = await call('PATCH', `/v1/queries/${id}`, { pollIntervalSeconds: 300 });
    expect(res.status).toBe(200);
    expect(res.body.pollIntervalSeconds).toBe(300);
    expect(Number((await scheduler(id))?.every)).toBe(300_000);
    expect((await call('PATCH', `/v1/queries/${id}`, { enabled: false })).body.enabled).toBe(false);
    expect(await scheduler(id)).toBeUndefined();
    await call('PATCH', `/v1/queries/${id}`, { enabled: true });
    expect(Number((await scheduler(id))?.every)).toBe(300_000);
  });

  it('keeps a failing query failing on a brand edit, and reactivates it on new query text', async () => {
    const id = (await create()).body.id as number;
    await sql("UPDATE tracked_queries SET checkpoint = '1861234567890123456' WHERE id = $1", [id]);
    await recordPollError(h.database.db, id, 'X refused the request (401): Unauthorized', { status: 'failing' });
    const branded = await call('PATCH', `/v1/queries/${id}`, { brand: 'Acme Airways' });
    expect(branded.body).toMatchObject({
      brand: 'Acme Airways',
      status: 'failing',
      lastError: expect.stringMatching(/401/),
    });

    const edited = await call('PATCH', `/v1/queries/${id}`, { query: fresh('edited') });
    expect(edited.status).toBe(200);
    // New text: X's answer no longer applies, and the old checkpoint belongs to the old text.
    expect(edited.body).toMatchObject({ status: 'active', lastError: null, checkpoint: null });
  });

  it('reactivates a failing query switched on again', async () => {
    const id = (await create()).body.id as number;
    await recordPollError(h.database.db, id, 'X refused the request (403): Forbidden', { status: 'failing' });
    const res = await call('PATCH', `/v1/queries/${id}`, { enabled: true });
    expect(res.body).toMatchObject({ status: 'active', lastError: null });
  });

  it('ends a budget pause when the budget changes', async () => {
    const id = (await create()).body.id as number;
    const until = new Date(Date.now() + 3_600_000);
    await sql("UPDATE tracked_queries SET status = 'paused', paused_until = $2 WHERE id = $1", [id, until]);
    const res = await call('PATCH', `/v1/queries/${id}`, { dailyBudget: 5000 });
    expect(res.body).toMatchObject({ status: 'active', pausedUntil: null, dailyBudget: 5000 });
  });

  it('answers 400, 404 and 409 with reasons', async () => {
    const id = (await create()).body.id as number;
    const taken = fresh('taken');
    await create({ query: taken });
    const bad = await call('PATCH', `/v1/queries/${id}`, { query: '"unclosed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/unclosed double quote/);
    const empty = await call('PATCH', `/v1/queries/${id}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toMatch(/at least one field/);
    expect((await call('PATCH', `/v1/queries/${id}`, { pollIntervalSeconds: 14 })).status).toBe(400);
    expect((await call('PATCH', `/v1/queries/${id}`, { source: 'replay' })).status).toBe(400);
    expect((await call('PATCH', '/v1/queries/999999', { brand: 'x' })).status).toBe(404);
    const dup = await call('PATCH', `/v1/queries/${id}`, { query: taken });
    expect(dup.status).toBe(409);
    expect(dup.body.error?.code).toBe('conflict');
  });
});

describe('DELETE /v1/queries/:id', () => {
  it('removes the query and its scheduler and keeps its stored mentions', async () => {
    const id = (await create()).body.id as number;
    expect(await scheduler(id)).toBeDefined();
    await insertMentions(h.database.db, [
      mentionRow({ source: 'x', externalId: `del-${id}`, queryId: id, text: 'love it', postedAt: new Date() }),
    ]);
    expect((await call('DELETE', `/v1/queries/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1/queries/${id}`)).status).toBe(404);
    expect(await scheduler(id)).toBeUndefined();
    const { rows } = await h.database.pool.query('SELECT query_id FROM mentions WHERE external_id = $1', [`del-${id}`]);
    expect(rows).toEqual([{ query_id: null }]);
    expect((await call('DELETE', `/v1/queries/${id}`)).status).toBe(404);
  });
});

describe('POST /v1/queries/:id/poll', () => {
  it('queues one poll job now; pressing again while it waits queues nothing more', async () => {
    const id = (await create({ enabled: true })).body.id as number;
    const first = await call('POST', `/v1/queries/${id}/poll`);
    expect(first.status).toBe(202);
    expect(first.body.queryId).toBe(id);
    const job = await pollQueue.getJob(first.body.jobId as string);
    expect(job?.data).toEqual({ queryId: id });
    expect(job?.name).toBe('poll-now');
    const second = await call('POST', `/v1/queries/${id}/poll`);
    expect(second.body.jobId).toBe(first.body.jobId);
  });

  it('refuses, with the reason, a query that would not be polled', async () => {
    const disabled = (await create({ enabled: false })).body.id as number;
    const res = await call('POST', `/v1/queries/${disabled}/poll`);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toMatch(/disabled/);
    const failing = (await create()).body.id as number;
    await recordPollError(h.database.db, failing, 'X refused the request (401): Unauthorized', { status: 'failing' });
    expect((await call('POST', `/v1/queries/${failing}/poll`)).body.error?.message).toMatch(/failing \(X refused/);
    expect((await call('POST', '/v1/queries/999999/poll')).status).toBe(404);
  });
});
