import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusedTargetReason } from '@goodchatter/core';
import { HttpError } from '../../errors.js';

const LOOKUP_TIMEOUT_MS = 3000;

/**
 * Refuses a webhook URL whose host is, or resolves to, an address the notifier would
 * refuse (loopback, private, link-local, metadata, …), so the mistake shows at once as a
 * 400 instead of as failed deliveries. The notifier checks again as it connects (DNS can
 * change): this is a courtesy, that is the guard. A name that does not resolve now is
 * let through, since it may resolve later and the connect-time check still applies.
 */
export async function checkWebhookTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const refuse = (why: string) => {
    throw new HttpError(400, `body.url: refused target: ${why} (set WEBHOOK_ALLOW_PRIVATE=true to allow)`);
  };
  if (isIP(host)) {
    const reason = refusedTargetReason(host);
    if (reason) refuse(`${host} is ${reason}`);
    return;
  }
  let addresses: { address: string }[] = [];
  try {
    addresses = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<never>((_, reject) => setTimeout(reject, LOOKUP_TIMEOUT_MS, new Error('lookup timed out')).unref()),
    ]);
  } catch {
    return;
  }
  for (const { address } of addresses) {
    const reason = refusedTargetReason(address);
    if (reason) refuse(`${host} resolves to ${address}, ${reason}`);
  }
}
