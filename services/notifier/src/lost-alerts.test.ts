import { startWebhookReceiver } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { startHarness } from './test/harness.js';

describe('praise stored but never alerted (its notify job was lost with Redis data)', () => {
  it('is found by the sweep and alerted exactly once', async () => {
    const h = await startHarness({ lostAlertAfterMs: 1000 });
    const r = await startWebhookReceiver();
    try {
      const brand = h.brand();
      const sub = await h.subscribe({ url: r.url, brand });
      // Stored two minutes ago; no notify job was ever queued (or Redis lost it).
      const lost = await h.mention(brand);
      // Alerted already: the sweep leaves it alone.
      const done = await h.mention(brand);
      // Neutral mentions are never alerted.
      await h.mention(brand, { label: 'neutral' });
      await h.database.pool.query(
        `UPDATE mentions SET scored_at = now() - interval '2 minutes',
           alerted_at = CASE WHEN id = $1 THEN now() END`,
        [done],
      );

      await expect
        .poll(async () => (await h.deliveries(sub.id))[0]?.status, {
          message: 'the lost alert to be delivered',
          timeout: 30_000,
        })
        .toBe('delivered');
      // Many more sweeps later (25 ms apart), still one delivery: alerted_at was taken.
      for (let i = 0; i < 10; i++) await h.notifier.sweep();
      const deliveries = await h.deliveries(sub.id);
      expect(deliveries).toHaveLength(1);
      expect(r.received).toHaveLength(1);
      expect(JSON.parse(r.received[0]?.body ?? '{}').data.id).toBe(String(lost));
      const { rows } = await h.database.pool.query('SELECT id FROM mentions WHERE alerted_at IS NULL AND label = $1', [
        'praise',
      ]);
      expect(rows).toEqual([]);
      expect(done).not.toBe(lost);
    } finally {
      await r.close();
      await h.close();
    }
  });
});
