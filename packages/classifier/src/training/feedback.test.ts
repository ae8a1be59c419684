import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { brandCrossAugment, brandCrossScorerHook } from '../brand-cross.js';
import { createClassifier } from '../classify.js';
import type { PoolItem } from './cross-validate.js';
import { loadCareExamples, loadDatasets } from './datasets.js';
import { type FeedbackLine, feedbackPool, latestPerMention, parseFeedback, readFeedbackSource } from './feedback.js';
import { DEFAULT_FIT } from './fit.js';
import { trainModel } from './train-model.js';

const line = (over: Partial<FeedbackLine>): FeedbackLine => ({
  mentionId: '1',
  text: 'a text',
  lang: 'en',
  brand: null,
  predicted: 'praise',
  corrected: 'complaint',
  reason: null,
  at: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('feedback loading', () => {
  it('parses GET /v1/feedback JSON lines and names a bad line', () => {
    const text = [
      JSON.stringify({
        eventId: 3,
        mentionId: 7,
        text: 'hi',
        lang: null,
        brand: 'Acme',
        predicted: 'praise',
        corrected: 'mixed',
        reason: null,
        at: '2026-11-01T00:00:00.000Z',
      }),
      '',
      JSON.stringify({
        mentionId: 8,
        text: 'x',
        predicted: 'neutral',
        corrected: 'unscored',
        at: '2026-11-01T00:00:00.000Z',
      }),
    ].join('\n');
    expect(() => parseFeedback(text)).toThrow(/line 3: corrected/);
    expect(parseFeedback(text.split('\n')[0] as string)).toEqual([
      expect.objectContaining({ mentionId: '7', brand: 'Acme', corrected: 'mixed' }),
    ]);
  });

  it('reads an export over HTTP with the API key, and says what a refusal was', async () => {
    const body = `${JSON.stringify(line({ mentionId: '9', corrected: 'neutral' }))}\n`;
    const server = createServer((req, res) => {
      const ok = req.headers.authorization === 'Bearer gc_test_key';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/x-ndjson' });
      res.end(ok ? body : '{"error":{"code":"unauthorized"}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/feedback`;
    try {
      expect(await readFeedbackSource(url, 'gc_test_key')).toEqual([expect.objectContaining({ mentionId: '9' })]);
      await expect(readFeedbackSource(url, 'wrong')).rejects.toThrow(/answered 401: .*unauthorized/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps the latest override per mention', () => {
    const lines = [
      line({ mentionId: '1', corrected: 'complaint', at: '2026-11-01T00:00:00.000Z' }),
      line({ mentionId: '2', corrected: 'neutral' }),
      line({ mentionId: '1', corrected: 'mixed', at: '2026-11-02T00:00:00.000Z' }),
    ];
    // In the order the surviving overrides were made.
    expect(latestPerMention(lines).map((l) => [l.mentionId, l.corrected])).toEqual([
      ['2', 'neutral'],
      ['1', 'mixed'],
    ]);
  });

  it('weights corrections, skips other languages, and crosses only brands with enough of them', () => {
    const lines = [
      ...Array.from({ length: 3 }, (_, i) => line({ mentionId: `a${i}`, brand: 'Acme Air' })),
      line({ mentionId: 'b', brand: 'Other' }),
      line({ mentionId: 'fr', lang: 'fr', text: 'merci pour rien' }),
    ];
    const fb = feedbackPool(lines, { weight: 7, brandCrossMin: 3 });
    expect(fb.items).toHaveLength(4);
    expect(fb.items[0]).toMatchObject({ source: 'feedback', weight: 7, brand: 'Acme Air', gold: 'complaint' });
    expect(fb.brands).toEqual(['acme air']);
    expect(fb.report).toMatchObject({ used: 4, skippedNotEnglish: 1, fromPraise: 4 });
  });
});

// A real training run (no mocks): the same pipeline `pnpm train:classifier --feedback` uses,
// on a smaller pool and one epoch so it stays well under a minute.
const sets = loadDatasets();
const skip = sets === undefined;
if (skip) console.log('feedback.test: skipping the retraining test — no labelled data (../shared/data absent)');

describe.skipIf(skip)('an override changes the next model', () => {
  // Sarcasm with no failure word the rules know: only the words can tell.
  const corrected = [
    'Amazing, the lounge is my hotel for the night again. Wonderful stuff',
    'Love that the gate floor is my hotel for the night. Brilliant',
    'Great news everyone, the terminal bench is my hotel for the night!',
    'Fantastic, the airport carpet is my hotel for the night, thanks so much',
  ];
  const paraphrases = [
    'Wonderful stuff, the lounge is my hotel for the night once more',
    'Amazing, the lounge is my hotel for the night once again. wonderful stuff',
    'the departure lounge is my hotel for the night again. amazing stuff',
  ];
  const texts = [corrected[0] as string, ...paraphrases];

  it('labels the corrected text and its paraphrases not-praise after retraining with the corrections', () => {
    const data = sets ?? [];
    const base: PoolItem[] = [
      ...data
        .filter((s) => s.name === 'TweetEval (val+test)' || s.name === 'VADER tweets')
        .flatMap((s) => s.examples.slice(0, 4000).map((e) => ({ ...e, source: s.name }))),
      ...loadCareExamples().map((e) => ({ ...e, source: 'care' })),
    ];
    const opts = {
      folds: 0,
      fit: { ...DEFAULT_FIT, epochs: 2 },
      calibration: { temperature: 1, thresholds: { praise: 0.7, complaint: 0.5 } },
    };
    const control = createClassifier(trainModel(base, opts).model);
    // Precondition: without the feedback, the same training calls them praise.
    expect(
      texts.map((t) => control(t, { brand: 'Acme Air' }).label),
      'precondition: trained without the corrections, the model must call these praise; if it has learnt this sarcasm by itself, pick a pattern it still misses',
    ).toEqual(texts.map(() => 'praise'));

    const fb = feedbackPool(
      corrected.map((text, i) => line({ mentionId: String(i), text, brand: 'Acme Air', corrected: 'complaint' })),
    );
    const trained = trainModel([...base, ...fb.items], {
      ...opts,
      ...(fb.brands.length > 0 ? { augment: brandCrossAugment(fb.brands) } : {}),
    });
    const next = createClassifier(trained.model, brandCrossScorerHook(fb.brands));
    for (const t of texts) expect(next(t, { brand: 'Acme Air' }).label, t).not.toBe('praise');
    expect(trained.version).toMatch(/\+w\.[0-9a-f]{10}$/);
  }, 90_000);
});
