import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCareCorpus } from './care-corpus.js';
import { dataDir, HELD_OUT_BRAND_SET, loadCareExamples, loadDatasets, parseCsvLine } from './datasets.js';
import { trainingPool } from './pool.js';

describe('parseCsvLine', () => {
  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsvLine('"4","3","a, ""b""",x')).toEqual(['4', '3', 'a, "b"', 'x']);
  });
});

describe('care examples', () => {
  it('are well-formed and cover all three classes', () => {
    const golds = new Set(loadCareExamples().map((e) => e.gold));
    expect([...golds].sort()).toEqual(['complaint', 'neutral', 'praise']);
  });
});

const dir = dataDir();
const present = existsSync(dir);
if (!present) console.warn(`datasets.test: labelled data absent at ${dir}; data-dependent tests skipped`);

describe.skipIf(!present)('labelled data sets', () => {
  it('trains on neither the held-out brand set nor the care corpus held-out fifth', () => {
    const sets = loadDatasets(dir) ?? [];
    expect(sets.find((s) => s.name === HELD_OUT_BRAND_SET)?.role).toBe('heldout');
    const pool = new Set(trainingPool(sets).map((e) => e.text));
    const apple = sets.find((s) => s.name === HELD_OUT_BRAND_SET)?.examples ?? [];
    expect(apple.filter((e) => pool.has(e.text)).length).toBeLessThan(5); // retweets of SXSW-era texts at most
    expect(loadCareCorpus().heldOut.filter((e) => pool.has(e.text))).toEqual([]);
  });

  it('loads every set with the documented sizes', () => {
    const sizes = Object.fromEntries((loadDatasets(dir) ?? []).map((s) => [s.name, s.examples.length]));
    expect(sizes).toEqual({
      'TweetEval (val+test)': 14284,
      'VADER tweets': 4200,
      'UCI Amazon': 1000,
      'UCI Yelp': 1000,
      'UCI IMDB': 1000,
      'SXSW brand tweets': 8936,
      'Sentiment140 test': 498,
      'Apple brand tweets': 3804,
    });
  });

  it('never trains on Sentiment140 test, not even on a copy of one of its texts', () => {
    const sets = loadDatasets(dir) ?? [];
    const s140 = sets.find((s) => s.name.startsWith('Sentiment140'));
    expect(s140?.trainable).toBe(false);
    const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
    const trained = new Set(
      [...sets.filter((s) => s.trainable).flatMap((s) => s.examples), ...loadCareExamples()].map((e) => norm(e.text)),
    );
    expect(s140?.examples.filter((e) => trained.has(norm(e.text)))).toEqual([]);
  });
});
