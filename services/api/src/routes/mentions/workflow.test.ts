import { insertMentions } from '@goodchatter/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, mentionRow, startHarness } from '../../test/api-harness.js';

let h: Harness;
let id: number;
let other: number;
beforeAll(async () => {
  h = await startHarness();
  const rows = await insertMentions(h.database.db, [
    mentionRow(1, { text: 'Great, another delay. Thanks a lot.' }),
    mentionRow(2, { text: 'You rock!', label: 'neutral' }),
  ]);
  id = rows[0]?.id as number;
  other = rows[1]?.id as number;
});
afterAll(async () => {
  await h?.close();
});

const patch = (mentionId: number, payload: object, key?: string) =>
  h.call({ method: 'PATCH', url: `/v1/mentions/${mentionId}`, key: key ?? h.keys.write, payload });

describe('mention workflow', () => {
  it('sets a status with a note, recording the key and the time', async () => {
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
    const res = await patch(id, { label: 'complaint', reason: 'sarcasm' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ label: 'complaint', predictedLabel: 'praise', overrideReason: 'sarcasm' });
    const list = await h.call({ method: 'GET', url: '/v1/mentions?label=complaint' });
    expect(list.body.data.map((m: { id: string }) => m.id)).toContain(String(id));
    const feed = await h.call({ method: 'GET', url: '/v1/feed' });
    expect(feed.body.data.map((m: { id: string }) => m.id)).not.toContain(String(id));
  });

  it('keeps the history, oldest first', async () => {
    const res = await h.call({ method: 'GET', url: `/v1/mentions/${id}/history` });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject([
      { kind: 'status', fromStatus: 'new', toStatus: 'thanked', note: 'replied on X', keyId: expect.any(String) },
      { kind: 'label', fromLabel: 'praise', toLabel: 'complaint', reason: 'sarcasm' },
    ]);
    expect((await h.call({ method: 'GET', url: '/v1/mentions/999999/history' })).status).toBe(404);
  });

  it('streams every override as JSON lines for the classifier', async () => {
    await patch(other, { label: 'praise', reason: 'slang praise', status: 'rewarded', note: 'gift card' });
    const res = await h.call({ method: 'GET', url: '/v1/feedback' });
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
  });

  it.each([
    [{}, /status, a label/],
    [{ status: 'done' }, /status/],
    [{ label: 'unscored' }, /label/],
    [{ note: 'orphan' }, /note/],
    [{ label: 'praise', note: 'x' }, /note/],
    [{ status: 'new', colour: 'red' }, /colour|unrecognized/i],
  ])('rejects %j with a 400', async (payload, message) => {
    const res = await patch(id, payload);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for an unknown mention, 403 for a read key, 401 without a key', async () => {
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
  });
});
