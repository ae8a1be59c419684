import type { BinaryReport } from '../src/training/metrics.js';

const f = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(3));

export interface SetReport {
  name: string;
  how: string;
  count: number;
  praise: { wink: BinaryReport; ours: BinaryReport };
  complaint: { wink: BinaryReport; ours: BinaryReport } | undefined;
  labels: Record<string, number>;
  /** ECE of the confidence of praise/complaint labels against whether the label was right. */
  calibrationError: number;
}

const ROWS: [string, (r: BinaryReport) => number][] = [
  ['precision @ operating point', (r) => r.precision],
  ['recall    @ operating point', (r) => r.recall],
  ['F1        @ operating point', (r) => r.f1],
  ['precision @ recall ≥ 0.5', (r) => r.precisionAtRecall50],
  ['recall    @ precision ≥ 0.85', (r) => r.recallAtPrecision85],
];
/** The care corpus' own targets (issue 9), printed for the care sets only. */
export const CARE_ROWS: [string, (r: BinaryReport) => number][] = [
  ['precision @ recall ≥ 0.7', (r) => r.precisionAtRecall70],
  ['recall    @ precision ≥ 0.95', (r) => r.recallAtPrecision95],
];

export function formatSet(s: SetReport, extra: typeof ROWS = []): string {
  const lines = [
    `## ${s.name} — ${s.count} texts, ${s.how}`,
    `   positives: praise ${s.praise.ours.positives}${s.complaint ? `, complaint ${s.complaint.ours.positives}` : ''}`,
    `   our labels: ${Object.entries(s.labels)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `   confidence calibration error (ECE, praise+complaint labels): ${f(s.calibrationError)}`,
    `${''.padEnd(30)}   praise: wink   ours │ complaint: wink   ours`,
  ];
  for (const [label, get] of [...ROWS, ...extra]) {
    const c = s.complaint;
    lines.push(
      `   ${label.padEnd(30)} ${f(get(s.praise.wink))}  ${f(get(s.praise.ours))} │            ${c ? f(get(c.wink)) : '  n/a'}  ${c ? f(get(c.ours)) : '  n/a'}`,
    );
  }
  return lines.join('\n');
}
