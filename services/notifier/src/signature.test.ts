import { describe, expect, it } from 'vitest';
import { renderBody } from './render.js';
import { deliveryHeaders, verifySignature } from './signature.js';

describe('signatures', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"mention.praise"}';
  const now = Date.parse('2026-11-23T12:00:00Z');
  const h = deliveryHeaders(secret, 'e1', 'mention.praise', body, now);
  const given = { timestamp: h['x-goodchatter-timestamp'], signature: h['x-goodchatter-signature'] };

  it('verify with the right secret and body inside the replay window', () => {
    expect(h['x-goodchatter-timestamp']).toBe(String(now / 1000));
    expect(verifySignature(secret, given, body, { now: now + 60_000 })).toBe(true);
  });

  it('fail with another secret, a changed body, a changed timestamp or an old request', () => {
    expect(verifySignature('whsec_other', given, body, { now })).toBe(false);
    expect(verifySignature(secret, given, `${body} `, { now })).toBe(false);
    expect(verifySignature(secret, { ...given, timestamp: String(now / 1000 + 1) }, body, { now })).toBe(false);
    expect(verifySignature(secret, given, body, { now: now + 301_000 })).toBe(false);
    expect(verifySignature(secret, { timestamp: given.timestamp }, body, { now })).toBe(false);
  });
});

describe('Slack bodies', () => {
  it('escape Slack control characters and summarise digests', () => {
    const mention = { brand: 'A&B', text: 'love <it>', author: { handle: 'x' }, url: 'https://x.com/1' };
    const one = JSON.parse(renderBody('slack', { id: '1', type: 'mention.praise', createdAt: '', data: mention }));
    expect(one.text).toBe(':tada: Praise for A&amp;B from @x: “love &lt;it&gt;” <https://x.com/1|view>');
    const events = [{ id: '1', type: 'mention.complaint', createdAt: '', data: mention }];
    const digest = JSON.parse(
      renderBody('slack', { id: '2', type: 'mention.digest', createdAt: '', data: { events } }),
    );
    expect(digest.text).toMatch(/^\*1 new mentions\*\n• :warning: Complaint for A&amp;B/);
  });
});
