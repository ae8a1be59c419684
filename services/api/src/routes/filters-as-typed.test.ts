import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../test/api-harness.js';

// Filters as people type them: plain dates in since/until, and text in any case.
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await insertMentions(h.database.db, [
    mentionRow(1, { brand: 'Acme Air', staff: ['Priya'], postedAt: new Date('2026-11-19T23:59:59Z') }),
    mentionRow(2, { brand: 'Acme Air', staff: ['Dave'], postedAt: new Date('2026-11-20T00:00:00Z') }),
    mentionRow(3, { brand: 'Zephyr', staff: ['Priya', 'Maria'], postedAt: new Date('2026-11-20T12:00:00Z') }),
    mentionRow(4, { brand: 'Acme Air', postedAt: new Date('2026-11-21T00:00:00Z') }),
  ]);
});
afterAll(async () => {
  await h?.close();
});

const ids = (body: { data: { externalId: string }[] }) => body.data.map((m) => m.externalId).sort();

describe('since/until', () => {
  it('take a plain date as 00:00 UTC that day', async () => {
    const res = await h.call({ url: '/v1/mentions?since=2026-11-20&until=2026-11-21' });
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(['m2', 'm3']);
    const stats = await h.call({ url: '/v1/stats?since=2026-11-20&until=2026-11-21' });
    expect(stats.status).toBe(200);
    expect(stats.body.data.map((d: { total: number }) => d.total).reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect((await h.call({ url: '/v1/kudos?since=2026-11-20' })).status).toBe(200);
    expect((await h.call({ url: '/v1/mentions.csv?since=2026-11-20' })).status).toBe(200);
  });

  it('still take ISO times with an offset', async () => {
    const res = await h.call({ url: '/v1/mentions?since=2026-11-20T01:00:00%2B01:00&until=2026-11-20T00:00:01Z' });
    expect(ids(res.body)).toEqual(['m2']);
  });

  it('refuse a time before 1970 and a malformed date with a 400 naming the parameter', async () => {
    for (const url of [
      '/v1/mentions?since=1969-12-31',
      '/v1/mentions?until=1969-12-31T23:59:59Z',
      '/v1/stats?since=1900-01-01',
      '/v1/kudos?until=0001-01-01',
      '/v1/mentions?since=2026-13-01',
      '/v1/mentions?since=20.11.2026',
    ]) {
      const res = await h.call({ url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toMatch(/^querystring\.(since|until)/);
    }
  });
});

describe('text filters ignore case', () => {
  it('brand, in mentions, the feed and stats', async () => {
    expect(ids((await h.call({ url: '/v1/mentions?brand=acme%20air' })).body)).toEqual(['m1', 'm2', 'm4']);
    expect(ids((await h.call({ url: '/v1/mentions?brand=ACME%20AIR' })).body)).toEqual(['m1', 'm2', 'm4']);
    const feed = await h.call({ url: '/v1/feed?brand=zephyr' });
    expect(feed.body.data.map((m: { externalId: string }) => m.externalId)).toEqual(['m3']);
    const stats = await h.call({ url: '/v1/stats?since=2026-11-19&until=2026-11-22&brand=acme%20air' });
    expect(stats.body.data.map((d: { brand: string }) => d.brand)).toEqual(['Acme Air', 'Acme Air', 'Acme Air']);
  });

  it('staff, as a name is typed', async () => {
    expect(ids((await h.call({ url: '/v1/mentions?staff=priya' })).body)).toEqual(['m1', 'm3']);
    expect(ids((await h.call({ url: '/v1/mentions?staff=MARIA' })).body)).toEqual(['m3']);
    expect(ids((await h.call({ url: '/v1/mentions?staff=pri' })).body)).toEqual([]);
  });
});
