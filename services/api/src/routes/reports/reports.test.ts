import { insertMentions, updateMentionWorkflow } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

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
    expect(
      res.body.data.map((e: { staff: string; brand: string; count: number }) => [e.staff, e.brand, e.count]),
    ).toEqual([
      ['Maria', 'Acme', 2],
      ['Dave', 'Acme', 1],
      ['Priya', 'Zephyr', 1],
    ]);
    expect(res.body.data[0].mentions.map((m: { text: string }) => m.text)).toEqual(['mention 2', 'mention 1']);
    const acme = await h.call({ method: 'GET', url: `/v1/kudos?${range}&brand=Acme&perStaff=1` });
    expect(acme.body.data).toHaveLength(2);
    expect(acme.body.data[0]).toMatchObject({ staff: 'Maria', count: 2, mentions: [{ text: 'mention 2' }] });
  });

  it('counts a person per brand, matching names case-insensitively and showing the most common spelling', async () => {
    const day3 = Date.UTC(2026, 11, 1, 9);
    const at = (n: number) => ({ postedAt: new Date(day3 + n * 1000) });
    await insertMentions(h.database.db, [
      mentionRow(101, { brand: 'Acme', staff: ['Priya'], ...at(1) }),
      mentionRow(102, { brand: 'Acme', staff: ['priya'], ...at(2) }),
      mentionRow(103, { brand: 'Acme', staff: ['Priya', 'Sam'], ...at(3) }),
      mentionRow(104, { brand: 'Zephyr', staff: ['Priya'], ...at(4) }),
      // Both spellings in one post: one mention of one person.
      mentionRow(105, { brand: 'Zephyr', staff: ['priya', 'Priya'], ...at(5) }),
      mentionRow(106, { brand: 'Zephyr', label: 'complaint', staff: ['Priya'], ...at(6) }),
      mentionRow(107, { brand: 'Orbit', staff: ['kim'], ...at(7) }),
      mentionRow(108, { brand: 'Orbit', staff: ['kim'], ...at(8) }),
      mentionRow(109, { brand: 'Orbit', staff: ['Kim'], ...at(9) }),
    ]);
    const res = await h.call({
      method: 'GET',
      url: '/v1/kudos?since=2026-12-01T00:00:00Z&until=2026-12-02T00:00:00Z&perStaff=2',
    });
    expect(res.status).toBe(200);
    type Entry = { staff: string; brand: string; count: number; mentions: { text: string; brand: string }[] };
    expect(res.body.data.map((e: Entry) => [e.staff, e.brand, e.count])).toEqual([
      ['kim', 'Orbit', 3],
      ['Priya', 'Acme', 3],
      ['Priya', 'Zephyr', 2],
      ['Sam', 'Acme', 1],
    ]);
    const zephyr = (res.body.data as Entry[]).find((e) => e.brand === 'Zephyr');
    expect(zephyr?.mentions.map((m) => m.text)).toEqual(['mention 105', 'mention 104']);
    const acme = (res.body.data as Entry[])[1];
    expect(acme?.mentions.map((m) => m.text)).toEqual(['mention 103', 'mention 102']);
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
    // Per source: every row here came from the replay source.
    const replay = await h.call({ method: 'GET', url: `/v1/stats?${range}&source=replay` });
    expect(replay.body.data).toEqual(res.body.data);
    const mastodon = await h.call({ method: 'GET', url: `/v1/stats?${range}&source=mastodon` });
    expect(mastodon.body.data).toEqual([]);
  });

  it('validates and needs a key', async () => {
    expect((await h.call({ method: 'GET', url: '/v1/stats?until=soon' })).status).toBe(400);
    expect((await h.call({ method: 'GET', url: '/v1/stats', key: null })).status).toBe(401);
  });
});
