import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { Tally } from './tally.js';
import type { Traffic } from './traffic.js';

export interface Row {
  fault: string;
  expected: number;
  stored: number;
  duplicated: number;
  lost: number;
  recoveryMs: number;
  /** What the row says besides the counts (lost by design, 503s seen, …). */
  notes: string[];
}

export interface FaultControl {
  /** Ids accepted so far in this row. */
  ids(): string[];
  /** Mentions accepted but not stored now are at risk: if they are never stored, they count as lost by design. */
  markAtRisk(): Promise<void>;
}

/**
 * Runs `fault` while traffic flows, then measures recovery and what was lost: one row of
 * the fault table.
 */
export async function measureFault(
  { traffic, tally }: { traffic: Traffic; tally: Tally },
  fault: string,
  inject: (ctl: FaultControl) => Promise<string[] | undefined>,
  opts: { paceMs?: number } = {},
): Promise<Row> {
  const paceMs = opts.paceMs ?? 50;
  const from = traffic.ids.length;
  const ids = () => traffic.ids.slice(from);
  let atRisk: Set<string> | undefined;
  traffic.resetStatuses();
  traffic.start(paceMs);
  await sleep(1000);
  const notes =
    (await inject({
      ids,
      markAtRisk: async () => {
        atRisk = new Set(await tally.unstored(ids()));
      },
    })) ?? [];
  const faultEnded = Date.now();
  traffic.start(paceMs); // a fault may have stopped it
  // Recovery: mentions sent after the fault (through the API and through ingest) are stored.
  const probe = await traffic.send(true);
  await expect
    .poll(async () => (await tally.unstored(probe)).length, {
      message: 'mentions sent after the fault to be stored',
      timeout: 300_000,
      interval: 100,
    })
    .toBe(0);
  const recoveryMs = Date.now() - faultEnded;
  await traffic.stop();
  // Jobs that spent their attempts during an outage are revived within 30 s, and retries back off up to 64 s.
  const mayLose = atRisk?.size ?? 0;
  await expect
    .poll(async () => (await tally.unstored(ids())).length, {
      message: 'every accepted mention stored',
      timeout: 240_000,
      interval: 250,
    })
    .toBeLessThanOrEqual(mayLose)
    .catch(() => undefined);
  const unstored = await tally.unstored(ids());
  const lostByDesign = unstored.filter((id) => atRisk?.has(id)).length;
  if (atRisk) {
    notes.unshift(`lost by design without persistence: ${lostByDesign} (accepted, not yet stored at the restart)`);
  }
  return {
    fault,
    expected: ids().length,
    stored: ids().length - unstored.length,
    duplicated: await tally.duplicated(ids()),
    lost: unstored.length - lostByDesign,
    recoveryMs,
    notes,
  };
}
