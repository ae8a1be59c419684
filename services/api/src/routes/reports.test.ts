import { insertMentions, updateMentionWorkflow } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../test/api-harness.js';

let h: Harness;
const day1 = Date.UTC(2026, 10, 10, 9);
const day2 = Date.UTC(2026, 10, 11, 9);
const range = 'since=2026-11-10T00:00:00Z&until=2026-11-12T00:00:00Z';

beforeAll(async () => {
  h = await startHarness();
  // insertMentions stamps scored_at itself; the lag is set afterwards (see below).
  const lags: number[] = [];
  const at = (ms: number, lagSeconds: number) => {
    lags.push(lagSeconds);
    return { postedAt: new Date(ms) };
  };
  const rows = await insertMentions(h.database.db, [
    mentionRow(1, { brand: 'Acme', staff: ['Maria'], ...at(day1, 10) }),
    mentionRow(2, { brand: 'Acme', staff: ['Maria', 'Dave'], ...at(day1 + 1000, 20) }),
    mentionRow(3, { brand: 'Acme', label: 'complaint', staff: ['Dave'], ...at(day1 + 2000, 30) }),
    mentionRow(4, { brand: 'Acme', label: 'unscored', ...at(day1 + 3000, 40) }),
    mentionRow(5, { brand: 'Zephyr', staff: ['Priya'], ...at(day2, 5) }),
    // Outside the range.
    mentionRow(6, { brand: 'Acme', staff: ['Maria'], ...at(Date.UTC(2026, 9, 1), 5) }),
  ]);
  for (const [i, r] of rows.entries()) {
    await h.database.pool.query('UPDATE mentions SET scored_at = posted_at + make_interval(secs => $2) WHERE id = $1', [
      r.id,
      lags[i],
    ]);
  }
  await updateMentionWorkflow(h.database.db, rows[0]?.id as number, { status: 'thanked' }, 't');
  await updateMentionWorkflow(h.database.db, rows[1]?.id as number, { status: 'rewarded' }, 't');
});
afterAll(async () => {
  await h?.close();
});

describe('GET /v1/kudos', () => {
  it('counts praise per staff member with the mentions behind each count', async () => {
    const res = await h.call({ method: 'GET', url: `/v1/kudos?${range}` });
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { staff: string; count: number }) => [e.staff, e.count])).toEqual([
      ['Maria', 2],
      ['Dave', 1],
      ['Priya', 1],
    ]);
    expect(res.body.data[0].mentions.map((m: { text: string }) => m.text)).toEqual(['mention 2', 'mention 1']);
    const acme = await h.call({ method: 'GET', url: `/v1/kudos?${range}&brand=Acme&perStaff=1` });
    expect(acme.body.data).toHaveLength(2);
    expect(acme.body.data[0]).toMatchObject({ staff: 'Maria', count: 2, mentions: [{ text: 'mention 2' }] });
  });

  it.each(['since=today', 'perStaff=0', 'since=2026-11-12T00:00:00Z&until=2026-11-10T00:00:00Z'])(
    'rejects %s with a 400',
    async (qs) => {
      expect((await h.call({ method: 'GET', url: `/v1/kudos?${qs}` })).status).toBe(400);
    },
  );
});

describe('GET /v1/stats', () => {
  it('reports per day and brand: labels, praise ratio, workflow outcomes, median time to store', async () => {
    const res = await h.call({ method: 'GET', url: `/v1/stats?${range}` });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        day: '2026-11-10',
        brand: 'Acme',
        total: 4,
        labels: { praise: 2, complaint: 1, neutral: 0, mixed: 0, unscored: 1 },
        praiseRatio: 2 / 3,
        thanked: 1,
        rewarded: 1,
        medianSecondsToStore: 25,
      },
      {
        day: '2026-11-11',
        brand: 'Zephyr',
        total: 1,
        labels: { praise: 1, complaint: 0, neutral: 0, mixed: 0, unscored: 0 },
        praiseRatio: 1,
        thanked: 0,
        rewarded: 0,
        medianSecondsToStore: 5,
      },
    ]);
    const zephyr = await h.call({ method: 'GET', url: `/v1/stats?${range}&brand=Zephyr` });
    expect(zephyr.body.data).toHaveLength(1);
  });

  it('validates and needs a key', async () => {
    expect((await h.call({ method: 'GET', url: '/v1/stats?until=soon' })).status).toBe(400);
    expect((await h.call({ method: 'GET', url: '/v1/stats', key: null })).status).toBe(401);
  });
});
