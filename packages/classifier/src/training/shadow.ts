import type { AnalysisHook } from '../brand-cross.js';
import { createScorer } from '../classify.js';
import type { LinearModel } from '../model.js';
import { binaryReport } from './metrics.js';

export interface ShadowModel {
  model: LinearModel;
  onAnalysis?: AnalysisHook;
}

export interface ShadowFigures {
  praise: { precision: number; recall: number };
  complaint: { precision: number; recall: number };
}

export interface ShadowResult {
  items: number;
  current?: ShadowFigures;
  candidate: ShadowFigures;
  /** Candidate praise precision ≥ current (or there is no current model to beat). */
  adopt: boolean;
  why: string;
}

function figures(m: ShadowModel, heldOut: readonly { text: string; gold: string; brand?: string }[]): ShadowFigures {
  const score = createScorer(m.model, m.onAnalysis);
  const praise = [];
  const complaint = [];
  for (const e of heldOut) {
    const s = score(e.text, e.brand === undefined ? {} : { brand: e.brand });
    praise.push({ score: s.praiseRank, predicted: s.result.label === 'praise', actual: e.gold === 'praise' });
    complaint.push({
      score: s.complaintRank,
      predicted: s.result.label === 'complaint',
      actual: e.gold === 'complaint',
    });
  }
  const p = binaryReport(praise);
  const c = binaryReport(complaint);
  return {
    praise: { precision: p.precision, recall: p.recall },
    complaint: { precision: c.precision, recall: c.recall },
  };
}

/**
 * The adoption gate: current and candidate models on the same held-out data (the care
 * corpus' never-trained fifth), each at its own operating point. The candidate is adopted
 * only when its praise precision is not worse: the feed's one unforgivable error is false
 * praise, so recall may move but precision may not drop.
 */
export function shadowCompare(
  current: ShadowModel | undefined,
  candidate: ShadowModel,
  heldOut: readonly { text: string; gold: string; brand?: string }[],
): ShadowResult {
  const cand = figures(candidate, heldOut);
  if (heldOut.length === 0) {
    return { items: 0, candidate: cand, adopt: false, why: 'no held-out care split to compare on' };
  }
  if (current === undefined) {
    return { items: heldOut.length, candidate: cand, adopt: true, why: 'no current model to compare with' };
  }
  const cur = figures(current, heldOut);
  const adopt = cand.praise.precision >= cur.praise.precision;
  const f = (x: number) => x.toFixed(3);
  return {
    items: heldOut.length,
    current: cur,
    candidate: cand,
    adopt,
    why: adopt
      ? `held-out praise precision ${f(cand.praise.precision)} ≥ current ${f(cur.praise.precision)}`
      : `held-out praise precision ${f(cand.praise.precision)} < current ${f(cur.praise.precision)}`,
  };
}

/** The comparison as printed by `pnpm train:classifier`. */
export function formatShadow(r: ShadowResult, currentVersion: string, candidateVersion: string): string {
  const f = (x: number | undefined) => (x === undefined ? '  —  ' : x.toFixed(3));
  const line = (name: string, v: string, s: ShadowFigures | undefined) =>
    `  ${name.padEnd(10)} ${f(s?.praise.precision)}     ${f(s?.praise.recall)}    ${f(s?.complaint.precision)}       ${f(s?.complaint.recall)}   ${v}`;
  return [
    `shadow comparison — care corpus held-out split (${r.items} texts, never trained on), each model at its operating point`,
    '             praise P  praise R  complaint P  complaint R  version',
    line('current', currentVersion, r.current),
    line('candidate', candidateVersion, r.candidate),
  ].join('\n');
}
