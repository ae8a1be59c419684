import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ unauthenticatedRateLimit: 20 });
  const ago = (days: number) => ({ postedAt: new Date(Date.now() - days * DAY) });
  await insertMentions(h.database.db, [
    mentionRow(1, { brand: 'Acme', staff: ['Maria'], authorName: 'Jo Private', authorFollowers: 99, ...ago(1) }),
    mentionRow(2, { brand: 'Acme', staff: ['Maria', 'Dave'], ...ago(3) }),
    mentionRow(3, { brand: 'Acme', staff: ['Dave'], ...ago(10) }),
    mentionRow(4, { brand: 'Zephyr', staff: ['Priya'], ...ago(2) }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

const share = (payload?: Record<string, unknown>, key?: string, on: Harness = h) =>
  on.call({
    method: 'POST',
    url: '/v1/kudos/shares',
    key: key ?? on.keys.write,
    ...(payload === undefined ? {} : { payload }),
  });
const wall = (token: string, on: Harness = h) =>
  on.call({ method: 'GET', url: `/v1/shared/kudos/${token}`, key: null });

describe('shared kudos links', () => {
  it('show, without a key, what /v1/kudos shows for their brand over their last `days` days', async () => {
    const made = await share({ brand: 'Acme', days: 7 });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      id: expect.any(Number),
      token: expect.stringMatching(/^[\w-]{30,}$/),
      url: `/wall/${made.body.token}`,
      expiresAt: null,
    });
    const res = await wall(made.body.token);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { staff: string; count: number }) => [e.staff, e.count])).toEqual([
      ['Maria', 2],
      ['Dave', 1],
    ]);
    expect(Date.parse(res.body.until) - Date.parse(res.body.since)).toBe(7 * DAY);
    const same = await h.call({
      method: 'GET',
      url: `/v1/kudos?brand=Acme&since=${res.body.since}&until=${res.body.until}`,
    });
    expect(res.body).toEqual(same.body);
    // Nothing about the author beyond the handle.
    expect(Object.keys(res.body.data[0].mentions[0]).sort()).toEqual([
      'authorHandle',
      'brand',
      'id',
      'postedAt',
      'text',
      'url',
    ]);
    expect(res.text).not.toContain('Jo Private');
  });

  it('default to every brand over 30 days', async () => {
    const made = await share();
    expect(made.status).toBe(201);
    const res = await wall(made.body.token);
    expect(res.body.data.map((e: { staff: string; brand: string }) => `${e.staff}@${e.brand}`)).toEqual([
      'Dave@Acme',
      'Maria@Acme',
      'Priya@Zephyr',
    ]);
  });

  it('are read-only: the token opens nothing else', async () => {
    const made = await share({ brand: 'Acme' });
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT'] as const) {
      expect((await h.call({ method, url: `/v1/shared/kudos/${made.body.token}`, key: null })).status).toBe(404);
    }
    expect((await h.call({ method: 'GET', url: '/v1/kudos', key: made.body.token })).status).toBe(401);
  });

  it('are listed without their tokens, and a revoked one answers 404 at once', async () => {
    const made = await share({ brand: 'Zephyr', days: 14 });
    const list = await h.call({ method: 'GET', url: '/v1/kudos/shares' });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((s: { id: number }) => s.id === made.body.id);
    expect(listed).toEqual({
      id: made.body.id,
      brand: 'Zephyr',
      days: 14,
      createdBy: expect.stringMatching(/^key_/),
      createdAt: expect.any(String),
      expiresAt: null,
    });
    expect(list.text).not.toContain(made.body.token);

    const del = (key = h.keys.write) => h.call({ method: 'DELETE', url: `/v1/kudos/shares/${made.body.id}`, key });
    expect((await del(h.keys.read)).status).toBe(403);
    expect((await del()).status).toBe(204);
    expect((await wall(made.body.token)).status).toBe(404);
    expect((await del()).status).toBe(404);
    const after = await h.call({ method: 'GET', url: '/v1/kudos/shares' });
    expect(after.body.data.map((s: { id: number }) => s.id)).not.toContain(made.body.id);
  });

  it('expire when given a lifetime; unknown tokens are 404', async () => {
    const made = await share({ expiresInDays: 2 });
    expect(Date.parse(made.body.expiresAt) - Date.now()).toBeGreaterThan(2 * DAY - 60_000);
    expect((await wall(made.body.token)).status).toBe(200);
    await h.database.pool.query(`UPDATE kudos_shares SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      made.body.id,
    ]);
    const gone = await wall(made.body.token);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect((await wall('no-such-token')).status).toBe(404);
  });

  it('need the write scope to make, and validate', async () => {
    expect((await share({ brand: 'Acme' }, h.keys.read)).status).toBe(403);
    expect((await share({ days: 0 })).status).toBe(400);
    expect((await share({ days: 367 })).status).toBe(400);
    expect((await share({ brand: 'Acme', extra: 1 })).status).toBe(400);
  });

  it('are limited per address like requests without a key', async () => {
    // An app of its own: the requests it spends from the address's allowance would leave
    // the other tests' walls answering 429.
    const own = await startHarness({ unauthenticatedRateLimit: 20 });
    try {
      const made = await share({ brand: 'Acme' }, undefined, own);
      let status = 200;
      for (let i = 0; i < 25 && status === 200; i++) status = (await wall(made.body.token, own)).status;
      expect(status).toBe(429);
    } finally {
      await own.close();
    }
  });
});
