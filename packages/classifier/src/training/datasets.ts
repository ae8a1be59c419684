import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScoredLabel } from '@goodchatter/core';
import { CLASSES } from '../model.js';
import { parseCsv, parseCsvLine } from './csv.js';

export { parseCsvLine } from './csv.js';

/** Gold labels of training data: every scored label (mixed trains as half praise, half complaint). */
export type Gold = ScoredLabel;

export interface Example {
  text: string;
  gold: Gold;
  /** Near-duplicate group: items sharing it share a cross-validation fold. */
  group?: string;
}

/**
 * How a set may be used. `train`: trained on, reported out of fold only. `dev`: never trained
 * on, but looked at while building (its figures are development figures). `heldout`: never
 * trained on, never tuned on: the honest estimate.
 */
export type DatasetRole = 'train' | 'dev' | 'heldout';

export interface Dataset {
  name: string;
  examples: Example[];
  role: DatasetRole;
  /** Sets we train on are only ever reported out of fold. */
  trainable: boolean;
}

/** `GOODCHATTER_DATA_DIR`, else `<repo root>/../shared/data`. */
export function dataDir(): string {
  return process.env.GOODCHATTER_DATA_DIR ?? fileURLToPath(new URL('../../../../../shared/data', import.meta.url));
}

const lines = (path: string) => readFileSync(path, 'utf8').split(/\r?\n/);

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

/** SXSW 2011 tweets about Apple and Google products, crowd-labelled for emotion toward the brand. */
function sxsw(dir: string): Example[] {
  const gold: Record<string, Gold> = {
    'Positive emotion': 'praise',
    'Negative emotion': 'complaint',
    'No emotion toward brand or product': 'neutral',
  };
  const path = `${dir}/brand-tweets/judge-1377884607_tweet_product_company.csv`;
  return parseCsv(readFileSync(path, 'latin1'))
    .slice(1)
    .flatMap((f) => {
      const g = gold[f[2] ?? ''];
      const text = f[0]?.trim();
      return g === undefined || !text ? [] : [{ text, gold: g }];
    });
}

/** Tweets to @Apple / #AAPL, Dec 2014, crowd-labelled 1 negative, 3 neutral, 5 positive. */
function appleTweets(dir: string): Example[] {
  const gold: Record<string, Gold> = { '1': 'complaint', '3': 'neutral', '5': 'praise' };
  const rows = parseCsv(readFileSync(`${dir}/brand-tweets/Apple-Twitter-Sentiment-DFE.csv`, 'latin1'));
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const [sentiment, textCol] = [col('sentiment'), col('text')];
  return rows.slice(1).flatMap((f) => {
    const g = gold[f[sentiment] ?? ''];
    const text = f[textCol]?.trim();
    return g === undefined || !text ? [] : [{ text, gold: g }];
  });
}

/** The brand-directed set kept out of all training and tuning. */
export const HELD_OUT_BRAND_SET = 'Apple brand tweets';

/**
 * Every labelled set in the data folder, or undefined when the folder is absent.
 * Sentiment140 is never trained on (a development set: it has been looked at); the Apple
 * brand tweets are never trained or tuned on (held out).
 */
export function loadDatasets(dir = dataDir()): Dataset[] | undefined {
  if (!existsSync(dir)) return undefined;
  const set = (name: string, examples: Example[], role: DatasetRole): Dataset => ({
    name,
    examples,
    role,
    trainable: role === 'train',
  });
  const hasBrandSets = existsSync(`${dir}/brand-tweets`);
  return [
    set('TweetEval (val+test)', tweetEval(dir), 'train'),
    set('VADER tweets', vader(dir), 'train'),
    set('UCI Amazon', uci(dir, 'amazon_cells_labelled.txt'), 'train'),
    set('UCI Yelp', uci(dir, 'yelp_labelled.txt'), 'train'),
    set('UCI IMDB', uci(dir, 'imdb_labelled.txt'), 'train'),
    ...(hasBrandSets ? [set('SXSW brand tweets', sxsw(dir), 'train')] : []),
    set('Sentiment140 test', sentiment140(dir), 'dev'),
    ...(hasBrandSets ? [set(HELD_OUT_BRAND_SET, appleTweets(dir), 'heldout')] : []),
  ];
}

const CARE_FILE = new URL('../../data/care-examples.jsonl', import.meta.url);

/** Care-style examples written by the team (see data/README.md in the package). */
export function loadCareExamples(): Example[] {
  return lines(fileURLToPath(CARE_FILE))
    .filter((l) => l.trim() !== '' && !l.startsWith('//'))
    .map((l, i) => {
      const row = JSON.parse(l) as { text?: unknown; gold?: unknown };
      // Written per model class: none is mixed.
      if (typeof row.text !== 'string' || !(CLASSES as readonly unknown[]).includes(row.gold)) {
        throw new Error(`care-examples.jsonl line ${i + 1}: need { text, gold: ${CLASSES.join('|')} }`);
      }
      return { text: row.text, gold: row.gold as Gold };
    });
}
