import { startWebhookReceiver, type WebhookReceiver } from '@goodchatter/testing';

/** The webhook receivers a test file opens, closed together in its afterAll. */
export interface Receivers {
  /** A fresh receiver of the test's own (its requests are the test's alone). */
  start(): Promise<WebhookReceiver>;
  close(): Promise<void>;
}

export function trackReceivers(): Receivers {
  const open: WebhookReceiver[] = [];
  return {
    async start() {
      const r = await startWebhookReceiver();
      open.push(r);
      return r;
    },
    async close() {
      await Promise.all(open.map((r) => r.close()));
    },
  };
}
