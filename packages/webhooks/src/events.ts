/**
 * Storing one webhook event (the types a subscription can ask for are core's
 * WEBHOOK_EVENTS). An event is stored once with its body snapshot, whatever number of
 * subscriptions receive it.
 */
import { randomUUID } from 'node:crypto';
import { type Tx, webhookEvents } from '@goodchatter/db';

/** Stores an event (its id a fresh UUID, which receivers use to drop repeats) and returns its id. */
export async function insertEvent(
  tx: Tx,
  type: string,
  mentionId: number | null,
  data: Record<string, unknown>,
): Promise<string> {
  const id = randomUUID();
  await tx.insert(webhookEvents).values({ id, type, mentionId, data });
  return id;
}
