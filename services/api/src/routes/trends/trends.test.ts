import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
/** 2026-11-09 is a Monday. */
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 10, day, hour, minute));
// Four days: Sunday 8th to Wednesday 11th November (until is exclusive).
const range = 'until=2026-11-12T00:00:00Z&days=4';

beforeAll(async () => {
  h = await startHarness();
  const rows = await insertMentions(h.database.db, [
    mentionRow(1, { brand: 'Acme', postedAt: at(9, 9) }),
    mentionRow(2, { brand: 'Acme', label: 'complaint', postedAt: at(9, 10) }),
    mentionRow(3, { brand: 'Acme', label: 'unscored', postedAt: at(9, 11) }),
    mentionRow(4, { brand: 'Acme', postedAt: at(11, 9) }),
    mentionRow(5, { brand: 'Acme', postedAt: at(11, 10) }),
    mentionRow(6, { brand: 'Acme', label: 'neutral', postedAt: at(11, 11) }),
    mentionRow(7, { brand: 'Acme', label: 'mixed', postedAt: at(11, 12) }),
    mentionRow(8, { brand: 'Zephyr', postedAt: at(10, 9) }),
    mentionRow(9, { brand: 'Acme', postedAt: at(7, 9) }), // posted before the period, thanked in it
    mentionRow(10, { brand: 'Acme', postedAt: at(12, 0) }), // after it
    mentionRow(11, { brand: 'Acme', label: 'neutral', postedAt: at(8, 12) }),
  ]);
  const id = (n: number) => rows[n - 1]?.id;
  const events: [number, string, Date][] = [
    [1, 'thanked', at(9, 10)], // 3600 s after posting
    [4, 'thanked', at(11, 9, 10)], // 600 s
    [5, 'thanked', at(11, 12)], // 7200 s
    [5, 'new', at(11, 13)],
    [5, 'thanked', at(11, 15)], // thanked again: counted once, at the first time
    [4, 'rewarded', at(11, 13)],
    [8, 'rewarded', at(10, 12)],
    [9, 'thanked', at(8, 9)], // 86400 s, in the week of Monday 2 November
    [2, 'thanked', at(7, 12)], // first thanked before the period…
    [2, 'thanked', at(10, 12)], // …so this one is not a first
    [1, 'rewarded', at(12, 1)], // after the period
  ];
  for (const [n, status, when] of events) {
    await h.database.pool.query(
      `INSERT INTO mention_events (mention_id, kind, key_id, at, to_status) VALUES ($1, 'status', 'test', $2, $3)`,
      [id(n), when, status],
    );
  }
});
afterAll(async () => {
  await h?.close();
});

const day = (d: string, brand: string, total: number, labels: number[], praiseRatio: number | null) => {
  const [praise, complaint, neutral, mixed] = labels;
  return { day: d, brand, total, praise, complaint, neutral, mixed, praiseRatio };
};

describe('GET /v1/trends', () => {
  it('reports volume and praise ratio per day, and thanks, rewards and time to thanked per week', async () => {
    const res = await h.call({ method: 'GET', url: `/v1/trends?${range}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      since: '2026-11-08T00:00:00.000Z',
      until: '2026-11-12T00:00:00.000Z',
      daily: [
        day('2026-11-08', 'Acme', 1, [0, 0, 1, 0], 0),
        day('2026-11-09', 'Acme', 3, [1, 1, 0, 0], 0.5),
        day('2026-11-10', 'Zephyr', 1, [1, 0, 0, 0], 1),
        day('2026-11-11', 'Acme', 4, [2, 0, 1, 1], 0.5),
      ],
      weekly: [
        {
          week: '2026-11-02',
          brand: 'Acme',
          thanked: 1,
          rewarded: 0,
          medianSecondsToThanked: 86_400,
          p90SecondsToThanked: 86_400,
        },
        {
          week: '2026-11-09',
          brand: 'Acme',
          thanked: 3,
          rewarded: 1,
          medianSecondsToThanked: 3600,
          // percentile_cont: 3600 + 0.8 × (7200 − 3600)
          p90SecondsToThanked: 6480,
        },
        {
          week: '2026-11-09',
          brand: 'Zephyr',
          thanked: 0,
          rewarded: 1,
          medianSecondsToThanked: null,
          p90SecondsToThanked: null,
        },
      ],
    });
  });

  it('filters by brand in any case, and takes the period from days', async () => {
    const res = await h.call({ method: 'GET', url: `/v1/trends?${range}&brand=acme` });
    expect(res.body.daily.map((d: { brand: string }) => d.brand)).toEqual(['Acme', 'Acme', 'Acme']);
    expect(res.body.weekly.map((w: { week: string; brand: string }) => `${w.week} ${w.brand}`)).toEqual([
      '2026-11-02 Acme',
      '2026-11-09 Acme',
    ]);
    const oneDay = await h.call({ method: 'GET', url: '/v1/trends?until=2026-11-12&days=1' });
    expect(oneDay.body.since).toBe('2026-11-11T00:00:00.000Z');
    expect(oneDay.body.daily.map((d: { day: string }) => d.day)).toEqual(['2026-11-11']);
    expect(oneDay.body.weekly).toEqual([
      expect.objectContaining({ week: '2026-11-09', brand: 'Acme', thanked: 2, rewarded: 1 }),
    ]);
  });

  it('defaults to the last 30 days up to now', async () => {
    const res = await h.call({ method: 'GET', url: '/v1/trends' });
    expect(res.status).toBe(200);
    const since = Date.parse(res.body.since);
    expect(Date.parse(res.body.until) - since).toBeGreaterThan(29 * 86_400_000);
    expect(Date.parse(res.body.until) - since).toBeLessThanOrEqual(30 * 86_400_000);
    expect(res.body.since).toMatch(/T00:00:00.000Z$/);
  });

  it.each(['days=0', 'days=367', 'until=yesterday', 'nope=1'])('rejects %s with a 400', async (qs) => {
    expect((await h.call({ method: 'GET', url: `/v1/trends?${qs}` })).status).toBe(400);
  });

  it('needs a key', async () => {
    expect((await h.call({ method: 'GET', url: '/v1/trends', key: null })).status).toBe(401);
  });
});
