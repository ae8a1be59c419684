import {
  EFFECTIVE_CONFIDENCE_SQL,
  EFFECTIVE_LABEL_SQL,
  FEED_RANK_SQL,
  insertMentions,
  type NewMentionRow,
} from '@goodchatter/db';
import { uniqueExternalId } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const patchOn = (on: Harness, mentionId: number, payload: object, key?: string) =>
  on.call({ method: 'PATCH', url: `/v1/mentions/${mentionId}`, key: key ?? on.keys.write, payload });
const patch = (mentionId: number, payload: object, key?: string) => patchOn(h, mentionId, payload, key);

/**
 * A mention of the test's own, so that no test depends on what another did to a shared
 * row: the sarcastic praise the workflow tests correct, unless `over` says otherwise.
 */
async function ownMention(over: Partial<NewMentionRow> = {}, on: Harness = h): Promise<number> {
  const [row] = await insertMentions(on.database.db, [
    mentionRow(1, { externalId: uniqueExternalId('wf'), text: 'Great, another delay. Thanks a lot.', ...over }),
  ]);
  return row?.id as number;
}
const YOU_ROCK = { text: 'You rock!', label: 'neutral' } as const;

/** Runs `fn` on an app and database of its own: /v1/feedback lists every override in the database. */
async function withOwnHarness(fn: (own: Harness) => Promise<void>) {
  const own = await startHarness();
  try {
    await fn(own);
  } finally {
    await own.close();
  }
}

describe('mention workflow', () => {
  it('sets a status with a note, recording the key and the time', async () => {
    const id = await ownMention();
    const res = await patch(id, { status: 'thanked', note: 'replied on X' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'thanked',
      statusNote: 'replied on X',
      statusBy: expect.stringMatching(/^key_/),
    });
    expect(Date.parse(res.body.statusAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('overrides the label with a reason; the mention shows the corrected label', async () => {
    const id = await ownMention();
    const res = await patch(id, { label: 'complaint', reason: 'sarcasm' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ label: 'complaint', predictedLabel: 'praise', overrideReason: 'sarcasm' });
    const list = await h.call({ method: 'GET', url: '/v1/mentions?label=complaint' });
    expect(list.body.data.map((m: { id: string }) => m.id)).toContain(String(id));
    const feed = await h.call({ method: 'GET', url: '/v1/feed' });
    expect(feed.body.data.map((m: { id: string }) => m.id)).not.toContain(String(id));
  });

  it('keeps the history, oldest first', async () => {
    const id = await ownMention();
    await patch(id, { status: 'thanked', note: 'replied on X' });
    await patch(id, { label: 'complaint', reason: 'sarcasm' });
    const res = await h.call({ method: 'GET', url: `/v1/mentions/${id}/history` });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([
      { kind: 'status', fromStatus: 'new', toStatus: 'thanked', note: 'replied on X', keyId: expect.any(String) },
      { kind: 'label', fromLabel: 'praise', toLabel: 'complaint', reason: 'sarcasm' },
    ]);
    expect((await h.call({ method: 'GET', url: '/v1/mentions/999999/history' })).status).toBe(404);
  });

  it('streams every override as JSON lines for the classifier', () =>
    withOwnHarness(async (own) => {
      const id = await ownMention({}, own);
      const other = await ownMention(YOU_ROCK, own);
      await patchOn(own, id, { label: 'complaint', reason: 'sarcasm' });
      await patchOn(own, other, { label: 'praise', reason: 'slang praise', status: 'rewarded', note: 'gift card' });
      const res = await own.call({ method: 'GET', url: '/v1/feedback' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
      const lines = res.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toMatchObject([
        {
          mentionId: id,
          text: 'Great, another delay. Thanks a lot.',
          predicted: 'praise',
          corrected: 'complaint',
          reason: 'sarcasm',
        },
        { mentionId: other, text: 'You rock!', predicted: 'neutral', corrected: 'praise' },
      ]);
    }));

  it('with ?confirmed=true, also streams praise staff thanked or rewarded without overriding it', () =>
    withOwnHarness(async (own) => {
      const [thanked, untouched] = await insertMentions(own.database.db, [
        mentionRow(201, { text: 'Maria sorted my refund in minutes', brand: 'Acme' }),
        mentionRow(202, { text: 'nobody looked at this one' }),
      ]);
      await patchOn(own, thanked?.id as number, { status: 'thanked' });
      const res = await own.call({ method: 'GET', url: '/v1/feedback?confirmed=true' });
      const lines = res.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const confirmations = lines.filter((l) => l.reason?.startsWith('confirmed'));
      expect(confirmations).toEqual([
        expect.objectContaining({
          mentionId: thanked?.id,
          text: 'Maria sorted my refund in minutes',
          brand: 'Acme',
          predicted: 'praise',
          corrected: 'praise',
          reason: 'confirmed: thanked',
        }),
      ]);
      expect(lines.map((l) => l.mentionId)).not.toContain(untouched?.id);
      // Without the flag, only overrides.
      const plain = await own.call({ method: 'GET', url: '/v1/feedback' });
      expect(plain.text).not.toContain('confirmed: thanked');
    }));

  it.each([
    [{}, /status, a label/],
    [{ status: 'done' }, /status/],
    [{ label: 'unscored' }, /label/],
    [{ note: 'orphan' }, /note/],
    [{ label: 'praise', note: 'x' }, /note/],
    [{ status: 'new', colour: 'red' }, /colour|unrecognized/i],
  ])('rejects %j with a 400', async (payload, message) => {
    const res = await patch(await ownMention(), payload);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown mention, 403 for a read key, 401 without a key', async () => {
    const id = await ownMention();
    await patch(id, { status: 'thanked' });
    expect((await patch(999999, { status: 'thanked' })).status).toBe(404);
    expect((await patch(id, { status: 'dismissed' }, h.keys.read)).status).toBe(403);
    expect(
      (await h.call({ method: 'PATCH', url: `/v1/mentions/${id}`, key: null, payload: { status: 'new' } })).status,
    ).toBe(401);
    const unchanged = await h.call({ method: 'GET', url: `/v1/mentions/${id}` });
    expect(unchanged.body.status).toBe('thanked');
  });
});

describe('status changes reach webhook subscribers', () => {
  it('records a mention.status_changed event for a subscription that wants it, with the change', async () => {
    const other = await ownMention(YOU_ROCK);
    await patch(other, { label: 'praise', reason: 'slang praise', status: 'rewarded', note: 'gift card' });
    const sub = await h.call({
      method: 'POST',
      url: '/v1/webhooks',
      key: h.keys.admin,
      payload: { url: 'https://hooks.example.com/care', events: ['mention.status_changed'] },
    });
    expect(sub.status).toBe(201);
    await patch(other, { status: 'dismissed', note: 'spam' });
    const { rows } = await h.database.pool.query(
      `SELECT e.type, e.data FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.webhook_id = $1`,
      [sub.body.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe('mention.status_changed');
    expect(JSON.stringify(rows[0].data)).toContain('"previousStatus":"rewarded"');
    // The payload is the mention as the API shows it: the staff label, certain, and why.
    expect(rows[0].data).toMatchObject({ label: 'praise', confidence: 1, reasons: ['set by staff'] });
  });
});

describe('an overridden mention is shown and ranked as set by staff', () => {
  const brand = 'Override Rank Co';
  const feedIds = async () =>
    (await h.call({ method: 'GET', url: `/v1/feed?brand=${encodeURIComponent(brand)}` })).body.data.map(
      (m: { id: string; confidence: number }) => [m.id, m.confidence],
    );
  it('enters the feed at confidence 1 when overridden to praise, and leaves it when overridden away', async () => {
    // Same author reach and posting time: only confidence orders them.
    const postedAt = new Date(Date.now() - 3_600_000);
    const [sure, unsure, wasNeutral] = (
      await insertMentions(h.database.db, [
        mentionRow(101, { brand, postedAt, authorFollowers: 50, confidence: 0.95 }),
        mentionRow(102, { brand, postedAt, authorFollowers: 50, confidence: 0.6 }),
        mentionRow(103, { brand, postedAt, authorFollowers: 50, confidence: 0.8, label: 'neutral', score: 0 }),
      ])
    ).map((r) => String(r.id));
    expect(await feedIds()).toEqual([
      [sure, 0.95],
      [unsure, 0.6],
    ]);

    // Staff say the neutral one is praise: it enters the feed, ranked as certain praise.
    const set = await patch(Number(wasNeutral), { label: 'praise', reason: 'slang' });
    expect(set.body).toMatchObject({
      label: 'praise',
      predictedLabel: 'neutral',
      confidence: 1,
      reasons: ['set by staff'],
      overrideReason: 'slang',
    });
    expect(await feedIds()).toEqual([
      [wasNeutral, 1],
      [sure, 0.95],
      [unsure, 0.6],
    ]);
    // Confirming the classifier's praise also makes it certain: it overtakes the 0.95.
    await patch(Number(unsure), { label: 'praise' });
    expect((await feedIds()).map((x: [string, number]) => x[0])).toEqual([wasNeutral, unsure, sure]);

    // Overridden away from praise: out of the feed, shown as the staff's complaint.
    await patch(Number(sure), { label: 'complaint', reason: 'sarcasm' });
    expect((await feedIds()).map((x: [string, number]) => x[0])).toEqual([wasNeutral, unsure]);
    const one = await h.call({ method: 'GET', url: `/v1/mentions/${sure}` });
    expect(one.body).toMatchObject({ label: 'complaint', confidence: 1, reasons: ['set by staff'] });

    // The list's confidence sort uses the same effective confidence.
    const byConfidence = await h.call({
      method: 'GET',
      url: `/v1/mentions?brand=${encodeURIComponent(brand)}&sort=confidence`,
    });
    expect(byConfidence.body.data.map((m: { confidence: number }) => m.confidence)).toEqual([1, 1, 1]);
  });

  it('the feed and the confidence sort are still read off their indexes with the new expressions', async () => {
    const client = await h.database.pool.connect();
    try {
      // A tiny table would be seq-scanned; forbid that to see whether the index can serve the query.
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(
        `EXPLAIN SELECT id FROM mentions WHERE status = 'new' AND ${EFFECTIVE_LABEL_SQL} = 'praise'
         ORDER BY ${FEED_RANK_SQL} DESC, id DESC NULLS LAST LIMIT 10`,
      );
      // mentions is partitioned by month: each partition reads its own copy of the index.
      const copiesOf = async (index: string) =>
        (
          await client.query<{ name: string }>(
            `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = $1::regclass`,
            [index],
          )
        ).rows.map((r) => r.name);
      const readsOff = (plan: string, copies: string[]) =>
        copies.length > 0 && copies.some((name) => plan.includes(`using ${name} `));
      const feedCopies = await copiesOf('mentions_feed_rank_idx');
      expect(readsOff(rows.map((r) => r['QUERY PLAN']).join('\n'), feedCopies)).toBe(true);
      const bySort = await client.query(
        `EXPLAIN SELECT id FROM mentions ORDER BY ${EFFECTIVE_CONFIDENCE_SQL} DESC NULLS LAST, id DESC NULLS LAST LIMIT 10`,
      );
      const sortCopies = await copiesOf('mentions_confidence_id_idx');
      expect(readsOff(bySort.rows.map((r) => r['QUERY PLAN']).join('\n'), sortCopies)).toBe(true);
      await client.query('RESET enable_seqscan');
    } finally {
      client.release();
    }
  });
});
