import { readFileSync } from 'node:fs';
import { ScoredLabel } from '@goodchatter/core';
import { z } from 'zod';
import { brandKey } from '../brand-cross.js';
import type { PoolItem } from './cross-validate.js';

/**
 * Staff label overrides as training data (`pnpm train:classifier --feedback`). One line of a
 * `GET /v1/feedback` export, or one row read from the database by the same verb.
 */
export const FeedbackLine = z.object({
  mentionId: z.union([z.number(), z.string()]).transform(String),
  text: z.string().min(1),
  lang: z.string().nullish(),
  brand: z.string().nullish(),
  predicted: z.string(),
  corrected: ScoredLabel,
  reason: z.string().nullish(),
  at: z.union([z.string(), z.date()]).transform((v) => (typeof v === 'string' ? v : v.toISOString())),
});
export type FeedbackLine = z.output<typeof FeedbackLine>;

/**
 * Visits per epoch of one staff correction or confirmation: on target (our own mentions and
 * brands) and, for corrections, answers the model got wrong, so each counts like several
 * corpus lines (care corpus 3, hand-written care examples 10). Measured with
 * `pnpm bench feedback` (README "Learning from the team"): with confirmations in the
 * feedback, 5 gained as much or more than 1–2 and is the weight at which a correction
 * reliably flips the model's answer on its own text; with corrections alone, 5 over-shifts.
 */
export const FEEDBACK_WEIGHT = 5;

/**
 * Feedback items a brand needs before the model learns brand-specific word weights for it
 * (`b:<brand>|<word>`, on for that brand at inference). Measured with `pnpm bench feedback`:
 * with ~60–130 items for a brand the crosses lost precision (they fit the corrected errors),
 * with several hundred they gained a little. Set from that simulation, so a development figure.
 */
export const BRAND_CROSS_MIN = 300;

/** JSON lines → feedback; a bad line throws naming its number. Blank lines are skipped. */
export function parseFeedback(text: string): FeedbackLine[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new Error(`feedback line ${i + 1}: not JSON (${(err as Error).message})`);
    }
    const parsed = FeedbackLine.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`feedback line ${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
    }
    return [parsed.data];
  });
}

/** A file path, or an http(s) URL of `GET /v1/feedback` (Bearer `apiKey`). */
export async function readFeedbackSource(source: string, apiKey?: string): Promise<FeedbackLine[]> {
  if (!/^https?:\/\//.test(source)) return parseFeedback(readFileSync(source, 'utf8'));
  const res = await fetch(source, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!res.ok) throw new Error(`feedback: GET ${source} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return parseFeedback(await res.text());
}

/**
 * The latest override of each mention (by `at`, then by order given): staff who change their
 * mind mean the last answer. Input order is kept for the survivors.
 */
export function latestPerMention(lines: readonly FeedbackLine[]): FeedbackLine[] {
  const latest = new Map<string, { line: FeedbackLine; i: number }>();
  lines.forEach((line, i) => {
    const prev = latest.get(line.mentionId);
    if (prev === undefined || Date.parse(line.at) >= Date.parse(prev.line.at)) latest.set(line.mentionId, { line, i });
  });
  return [...latest.values()].sort((a, b) => a.i - b.i).map((x) => x.line);
}

export interface FeedbackPool {
  items: PoolItem[];
  /** Brands with ≥ BRAND_CROSS_MIN corrections: they get brand-crossed features. */
  brands: string[];
  report: {
    lines: number;
    mentions: number;
    used: number;
    skippedNotEnglish: number;
    byLabel: Record<string, number>;
    byBrand: Record<string, number>;
    /** Corrections away from a predicted praise (the false praise the feed showed). */
    fromPraise: number;
    /** Praise confirmed by a status (thanked/rewarded) rather than an override. */
    confirmed: number;
  };
}

export interface FeedbackPoolOptions {
  weight?: number;
  brandCrossMin?: number;
}

/**
 * Staff corrections as weighted training items, one per mention (the latest wins).
 * - `mixed` stays `mixed`: the fit trains it as half praise, half complaint, so a false
 *   praise corrected to mixed lowers P(praise) without teaching that the text is neutral;
 * - mentions in another language are skipped (the model scores English only);
 * - each carries its brand, so brand names are neutralised as the scorer does.
 */
export function feedbackPool(lines: readonly FeedbackLine[], opts: FeedbackPoolOptions = {}): FeedbackPool {
  const weight = opts.weight ?? FEEDBACK_WEIGHT;
  const min = opts.brandCrossMin ?? BRAND_CROSS_MIN;
  const latest = latestPerMention(lines);
  const items: PoolItem[] = [];
  const report: FeedbackPool['report'] = {
    lines: lines.length,
    mentions: latest.length,
    used: 0,
    skippedNotEnglish: 0,
    byLabel: {},
    byBrand: {},
    fromPraise: 0,
    confirmed: 0,
  };
  for (const f of latest) {
    if (f.lang && !f.lang.toLowerCase().startsWith('en')) {
      report.skippedNotEnglish++;
      continue;
    }
    items.push({
      text: f.text,
      gold: f.corrected,
      source: 'feedback',
      weight,
      ...(f.brand ? { brand: f.brand } : {}),
    });
    report.used++;
    report.byLabel[f.corrected] = (report.byLabel[f.corrected] ?? 0) + 1;
    if (f.brand) report.byBrand[brandKey(f.brand)] = (report.byBrand[brandKey(f.brand)] ?? 0) + 1;
    if (f.predicted === 'praise' && f.corrected !== 'praise') report.fromPraise++;
    if (f.reason?.startsWith('confirmed')) report.confirmed++;
  }
  const brands = Object.entries(report.byBrand)
    .filter(([, n]) => n >= min)
    .map(([b]) => b)
    .sort();
  return { items, brands, report };
}
