import { createHmac, timingSafeEqual } from 'node:crypto';

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`: the timestamp is signed so a replay can be dated. */
export const signBody = (secret: string, timestamp: number, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** The headers every delivery attempt carries; the timestamp is the attempt's, in Unix seconds. */
export function deliveryHeaders(secret: string, eventId: string, eventType: string, body: string, now = Date.now()) {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'GoodChatter-Webhooks/1',
    'x-goodchatter-event-id': eventId,
    'x-goodchatter-event-type': eventType,
    'x-goodchatter-timestamp': String(timestamp),
    'x-goodchatter-signature': signBody(secret, timestamp, body),
  };
}

/**
 * What a receiver does (the README shows the same): recompute, compare in constant time,
 * and refuse timestamps outside the replay window.
 */
export function verifySignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: string,
  { toleranceSeconds = 300, now = Date.now() } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
