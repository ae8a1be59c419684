import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Gold = 'praise' | 'neutral' | 'complaint';

export interface Example {
  text: string;
  gold: Gold;
}

export interface Dataset {
  name: string;
  examples: Example[];
  /** Sets we train on are only ever reported out of fold. */
  trainable: boolean;
}

/** `GOODCHATTER_DATA_DIR`, else `<repo root>/../shared/data`. */
export function dataDir(): string {
  return process.env.GOODCHATTER_DATA_DIR ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url));
}

const lines = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/);

/** One CSV record of the Sentiment140 file: double-quoted fields, "" for a quote. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === '"') {
      let field = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else field += line[i++];
      }
      out.push(field);
      if (line[i] === ',') i++;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length : end + 1;
    }
  }
  return out;
}

function tweetEval(dir: string): Example[] {
  const golds: Gold[] = ['complaint', 'neutral', 'praise'];
  return ['val', 'test'].flatMap((split) => {
    const texts = lines(`${dir}/tweeteval-sentiment/${split}_text.txt`);
    const labels = lines(`${dir}/tweeteval-sentiment/${split}_labels.txt`);
    return labels.flatMap((l, i) => {
      const gold = golds[Number(l)];
      const text = texts[i];
      return gold === undefined || text === undefined || l === '' ? [] : [{ text, gold }];
    });
  });
}

function vader(dir: string): Example[] {
  return lines(`${dir}/vader-tweets/tweets_GroundTruth.txt`).flatMap((line) => {
    const [, mean, text] = line.split('\t');
    const m = Number(mean);
    if (text === undefined || !Number.isFinite(m)) return [];
    // The VADER paper's convention: within ±0.05 of the −1..1 scale (±0.2 here) is neutral.
    const gold: Gold = m > 0.2 ? 'praise' : m < -0.2 ? 'complaint' : 'neutral';
    return [{ text, gold }];
  });
}

function sentiment140(dir: string): Example[] {
  const polarity: Record<string, Gold> = { '0': 'complaint', '2': 'neutral', '4': 'praise' };
  return lines(`${dir}/sentiment140-test/testdata.manual.2009.06.14.csv`)
    .slice(1)
    .flatMap((line) => {
      const f = parseCsvLine(line);
      const gold = polarity[f[0] ?? ''];
      const text = f[5];
      return gold === undefined || text === undefined ? [] : [{ text, gold }];
    });
}

function uci(dir: string, file: string): Example[] {
  return lines(`${dir}/uci-sentences/${file}`)
    .slice(1)
    .flatMap((line) => {
      const tab = line.lastIndexOf('\t');
      const label = line.slice(tab + 1).trim();
      if (tab < 0 || (label !== '0' && label !== '1')) return [];
      return [{ text: line.slice(0, tab).trim(), gold: label === '1' ? ('praise' as const) : ('complaint' as const) }];
    });
}

/**
 * Every labelled set in the data folder, or undefined when the folder is absent.
 * Sentiment140 is never trained on: it is the untouched test set the targets name.
 */
export function loadDatasets(dir = dataDir()): Dataset[] | undefined {
  if (!existsSync(dir)) return undefined;
  return [
    { name: 'TweetEval (val+test)', examples: tweetEval(dir), trainable: true },
    { name: 'VADER tweets', examples: vader(dir), trainable: true },
    { name: 'UCI Amazon', examples: uci(dir, 'amazon_cells_labelled.txt'), trainable: true },
    { name: 'UCI Yelp', examples: uci(dir, 'yelp_labelled.txt'), trainable: true },
    { name: 'UCI IMDB', examples: uci(dir, 'imdb_labelled.txt'), trainable: true },
    { name: 'Sentiment140 test', examples: sentiment140(dir), trainable: false },
  ];
}

const CARE_FILE = new URL('../../data/care-examples.jsonl', import.meta.url);

/** Care-style examples written by the team (see data/README.md in the package). */
export function loadCareExamples(): Example[] {
  return lines(fileURLToPath(CARE_FILE))
    .filter((l) => l.trim() !== '' && !l.startsWith('//'))
    .map((l, i) => {
      const row = JSON.parse(l) as { text?: unknown; gold?: unknown };
      if (typeof row.text !== 'string' || !['praise', 'neutral', 'complaint'].includes(String(row.gold))) {
        throw new Error(`care-examples.jsonl line ${i + 1}: need { text, gold: praise|neutral|complaint }`);
      }
      return { text: row.text, gold: row.gold as Gold };
    });
}
