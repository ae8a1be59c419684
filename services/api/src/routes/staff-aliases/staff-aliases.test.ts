import { insertMentions } from '@goodchatter/db';
import { describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

const range = 'since=2026-11-10T00:00:00Z&until=2026-11-11T00:00:00Z';

/**
 * Runs `fn` on an app and database of its own, with the same mentions: an alias changes
 * what every later read of the brand sees, so no test may inherit another's aliases.
 */
async function withStaffMentions(fn: (h: Harness) => Promise<void>) {
  const h = await startHarness();
  try {
    const at = (n: number) => ({ postedAt: new Date(Date.UTC(2026, 10, 10, 9) + n * 1000) });
    await insertMentions(h.database.db, [
      mentionRow(1, { brand: 'Acme', staff: ['Priya'], ...at(1) }),
      mentionRow(2, { brand: 'Acme', staff: ['Priya S.'], ...at(2) }),
      mentionRow(3, { brand: 'Acme', staff: ['@Priya_Helps'], ...at(3) }),
      // Two variants in one post: still one mention of one person.
      mentionRow(4, { brand: 'Acme', staff: ['priya', 'Priya S.'], ...at(4) }),
      mentionRow(5, { brand: 'Acme', staff: ['Dave'], ...at(5) }),
      // Another brand's Priya S. is another person: merges are per brand.
      mentionRow(6, { brand: 'Zephyr', staff: ['Priya S.'], ...at(6) }),
    ]);
    await fn(h);
  } finally {
    await h.close();
  }
}

const mergePriya = (h: Harness) =>
  h.call({
    method: 'POST',
    url: '/v1/staff-aliases',
    key: h.keys.write,
    payload: { brand: 'acme', person: 'Priya', aliases: ['Priya S.', 'priya_helps', ' PRIYA S. '] },
  });

type Entry = { staff: string; brand: string; count: number; mentions: { text: string }[] };
const kudos = async (h: Harness, qs = '') => {
  const res = await h.call({ method: 'GET', url: `/v1/kudos?${range}${qs}` });
  expect(res.status).toBe(200);
  return res.body.data as Entry[];
};

describe('staff aliases', () => {
  it('merge name variants into one person per brand: one kudos entry with the summed count', () =>
    withStaffMentions(async (h) => {
      const before = await kudos(h, '&brand=Acme');
      expect(before.map((e) => [e.staff, e.count])).toEqual([
        ['Priya', 2],
        ['Priya S.', 2],
        ['@Priya_Helps', 1],
        ['Dave', 1],
      ]);

      const merged = await mergePriya(h);
      expect(merged.status).toBe(201);
      expect(merged.body.data.map((a: { alias: string; person: string }) => [a.alias, a.person])).toEqual([
        ['priya s.', 'Priya'],
        ['priya_helps', 'Priya'],
      ]);

      const after = await kudos(h);
      expect(after.map((e) => [e.staff, e.brand, e.count])).toEqual([
        ['Priya', 'Acme', 4],
        ['Dave', 'Acme', 1],
        ['Priya S.', 'Zephyr', 1],
      ]);
      expect(after[0]?.mentions.map((m) => m.text)).toEqual(['mention 4', 'mention 3', 'mention 2', 'mention 1']);
    }));

  it('lists, moves and deletes aliases', () =>
    withStaffMentions(async (h) => {
      await mergePriya(h);
      const list = await h.call({ method: 'GET', url: '/v1/staff-aliases?brand=ACME' });
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([
        { id: expect.any(Number), brand: 'acme', person: 'Priya', alias: 'priya s.' },
        { id: expect.any(Number), brand: 'acme', person: 'Priya', alias: 'priya_helps' },
      ]);
      expect((await h.call({ method: 'GET', url: '/v1/staff-aliases?brand=Zephyr' })).body.data).toEqual([]);

      // A variant belongs to one person at a time: merging it elsewhere moves it.
      const moved = await h.call({
        method: 'POST',
        url: '/v1/staff-aliases',
        key: h.keys.write,
        payload: { brand: 'Acme', person: 'Dave', aliases: ['@priya_helps'] },
      });
      expect(moved.body.data).toEqual([
        { id: list.body.data[1].id, brand: 'acme', person: 'Dave', alias: 'priya_helps' },
      ]);
      expect((await kudos(h, '&brand=Acme')).map((e) => [e.staff, e.count])).toEqual([
        ['Priya', 3],
        ['Dave', 2],
      ]);

      const id = list.body.data[0].id;
      expect((await h.call({ method: 'DELETE', url: `/v1/staff-aliases/${id}`, key: h.keys.write })).status).toBe(204);
      expect((await h.call({ method: 'DELETE', url: `/v1/staff-aliases/${id}`, key: h.keys.write })).status).toBe(404);
      // Ties are in name order.
      expect((await kudos(h, '&brand=Acme')).map((e) => [e.staff, e.count])).toEqual([
        ['Dave', 2],
        ['Priya', 2],
        ['Priya S.', 2],
      ]);
    }));

  it('validates, and needs the write scope to change', () =>
    withStaffMentions(async (h) => {
      const post = (payload: Record<string, unknown>, key = h.keys.write) =>
        h.call({ method: 'POST', url: '/v1/staff-aliases', key, payload });
      expect((await post({ brand: 'Acme', person: 'Priya', aliases: [] })).status).toBe(400);
      expect((await post({ brand: 'Acme', person: 'Priya', aliases: ['@'] })).status).toBe(400);
      expect((await post({ brand: '', person: 'Priya', aliases: ['p'] })).status).toBe(400);
      expect((await post({ brand: 'Acme', person: 'Priya', aliases: ['p'] }, h.keys.read)).status).toBe(403);
      expect((await h.call({ method: 'DELETE', url: '/v1/staff-aliases/1', key: h.keys.read })).status).toBe(403);
    }));
});
