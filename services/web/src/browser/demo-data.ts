import { readFile } from 'node:fs/promises';
import { DEMO_MENTIONS_FILE } from '@goodchatter/sources';

interface DemoLine {
  id: string;
  text: string;
  author: { id?: string; handle: string; name?: string; followers?: number };
  postedAt: string;
  brand?: string;
  url?: string;
  lang?: string;
}

/**
 * The ~300 bundled demo mentions as a push-ingest body, their posting times moved onto the
 * `days` before now in the same order and proportions (as `pnpm start`'s demo does), so
 * the kudos and trends defaults (the last 30 days) see them.
 */
export async function demoMentions(days = 6, source = 'demo') {
  const lines = (await readFile(DEMO_MENTIONS_FILE, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DemoLine);
  const times = lines.map((l) => Date.parse(l.postedAt));
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const end = Date.now() - 60_000;
  const start = end - days * 86_400_000;
  return lines.map((l, i) => ({
    source,
    externalId: l.id,
    text: l.text,
    author: l.author,
    postedAt: new Date(start + (((times[i] ?? first) - first) / span) * (end - start)).toISOString(),
    ...(l.brand ? { brand: l.brand } : {}),
    ...(l.url ? { url: l.url } : {}),
    ...(l.lang ? { lang: l.lang } : {}),
  }));
}
