import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './index.js';

// The demo that `pnpm start` replays (packages/sources/demo, never trained on). These posts are
// sarcastic or polite complaints, or praise a rep while blaming the company: none may reach the
// feed as praise, where it would be first in line for a thank-you.
const demo = new Map(
  readFileSync(new URL('../../sources/demo/mentions.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string; brand: string })
    .map((m) => [m.id, m] as const),
);

const SARCASTIC = [
  'demo-0004', // thanks so much for the "loyalty discount" of 50 cents
  'demo-0005',
  'demo-0033',
  'demo-0034', // what amazing service... 2 hours on hold
  'demo-0040',
  'demo-0050', // 10/10 would miss my connection again
  'demo-0057',
  'demo-0071', // Great. Just great.
  'demo-0091',
  'demo-0109',
  'demo-0156',
  'demo-0163', // Thanks for nothing
  'demo-0172',
  'demo-0178',
  'demo-0179',
  'demo-0183',
  'demo-0185',
  'demo-0227',
  'demo-0244',
  'demo-0257',
  'demo-0258',
  'demo-0260',
  'demo-0261',
  'demo-0262',
];
const POLITE = ['demo-0102', 'demo-0153', 'demo-0157', 'demo-0180', 'demo-0208', 'demo-0285']; // thanks for the reply but…
const STAFF_PRAISED_COMPANY_BLAMED = ['demo-0041', 'demo-0051', 'demo-0146', 'demo-0225', 'demo-0266', 'demo-0196'];

describe('demo feed', () => {
  it.each([...SARCASTIC, ...POLITE, ...STAFF_PRAISED_COMPANY_BLAMED])('%s is not praise', (id) => {
    const m = demo.get(id);
    if (m === undefined) throw new Error(`${id} is not in the demo file`);
    expect(classify(m.text, { brand: m.brand }).label, m.text).not.toBe('praise');
  });

  it('still finds praise in the demo: the feed is not empty', () => {
    const praise = [...demo.values()].filter((m) => classify(m.text, { brand: m.brand }).label === 'praise');
    expect(praise.length).toBeGreaterThanOrEqual(20);
  });
});
