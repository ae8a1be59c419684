import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The demo's posts land within this window before the poll that reads them. */
export const RECENT_WINDOW_MS = 10 * 60_000;

/**
 * A re-timer for replaying an old file as if its posts had just been written: the file's
 * span of `postedAt` (oldest to newest) is scaled onto the `windowMs` before `now`, keeping
 * order and proportions. So a bundled sample from last month reads as fresh chatter, and
 * posted → stored latencies look like those of a live source, not weeks.
 */
export async function recentRetimer(
  file: string,
  now = Date.now(),
  windowMs = RECENT_WINDOW_MS,
): Promise<(postedAt: string) => string> {
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const at = postedAtOf(line);
      if (at === undefined) continue;
      oldest = Math.min(oldest, at);
      newest = Math.max(newest, at);
    }
  } finally {
    lines.close();
  }
  const span = newest - oldest;
  return (postedAt) => {
    const at = Date.parse(postedAt);
    const share = Number.isFinite(at) && span > 0 ? Math.min(1, Math.max(0, (newest - at) / span)) : 0;
    return new Date(now - Math.round(share * windowMs)).toISOString();
  };
}

function postedAtOf(line: string): number | undefined {
  try {
    const at = Date.parse((JSON.parse(line) as { postedAt?: unknown }).postedAt as string);
    return Number.isFinite(at) ? at : undefined;
  } catch {
    return undefined;
  }
}
