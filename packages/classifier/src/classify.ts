import type { Classification } from '@goodchatter/core';
import { analyse } from './analyse.js';
import type { AnalysisHook } from './brand-cross.js';
import { decide } from './decide.js';
import { detectLanguage } from './language.js';
import { type LinearModel, predict } from './model.js';
import { matchRule, type PhraseRule } from './rules.js';
import { decodeEntities } from './tokenise.js';

export interface ClassifyContext {
  /** Brand of the tracked query; its name is never a sentiment word. */
  brand?: string;
  /** Further names, handles and hashtags of the brand to neutralise ("@united", "UA"). */
  brandTerms?: string[];
  /** Per-query phrase rules that force a label; the longest matching phrase wins. */
  rules?: PhraseRule[];
  /** Calibrated P(praise) needed to call praise; defaults to the model's shipped operating point. */
  praiseThreshold?: number;
}

export type Classify = (text: string, ctx?: ClassifyContext) => Classification;

/** A classification plus the ranking scores the bench sweeps thresholds over. */
export interface Scoring {
  result: Classification;
  /** Calibrated P(praise), 0 when sarcasm vetoes praise or the text is not scored. */
  praiseRank: number;
  /** Calibrated P(complaint), 0 when the text is not scored. */
  complaintRank: number;
}

/** A classify function bound to one set of weights. */
export function createClassifier(model: LinearModel, onAnalysis?: AnalysisHook): Classify {
  const score = createScorer(model, onAnalysis);
  return (text, ctx) => score(text, ctx).result;
}

/**
 * Like createClassifier, with ranking scores (the bench passes per-fold models). `onAnalysis`
 * may add features before the model reads them (brand crosses learnt from staff feedback).
 */
export function createScorer(
  model: LinearModel,
  onAnalysis?: AnalysisHook,
): (text: string, ctx?: ClassifyContext) => Scoring {
  const ranked = (result: Classification, praiseRank = 0, complaintRank = 0): Scoring => ({
    result,
    praiseRank,
    complaintRank,
  });
  return (raw, ctx = {}) => {
    // Decoded once, here: the language detector, tokens, signals and lexicon all see "<3", not "&lt;3".
    const text = decodeEntities(raw);
    const { lang, supported } = detectLanguage(
      text,
      ctx.brand === undefined ? [] : [ctx.brand, ...(ctx.brandTerms ?? [])],
    );
    if (!supported) {
      return ranked({
        label: 'unscored',
        score: 0,
        confidence: 1,
        reasons: [`language '${lang}' not supported`],
        staff: [],
        lang,
        version: model.version,
      });
    }
    const a = analyse(text, ctx, model.dim);
    onAnalysis?.(a, ctx, model.dim);
    const rule = ctx.rules?.length
      ? matchRule(
          a.tokens.map((t) => t.norm),
          ctx.rules,
        )
      : undefined;
    if (rule !== undefined) {
      const forced = rule.label === 'praise' ? 1 : 0;
      return ranked(
        {
          label: rule.label,
          score: rule.label === 'praise' ? 1 : rule.label === 'complaint' ? -1 : 0,
          confidence: 1,
          reasons: [`rule '${rule.phrase}' → ${rule.label}`],
          staff: rule.label === 'praise' || rule.label === 'mixed' ? a.staff : [],
          lang,
          version: model.version,
        },
        forced,
        rule.label === 'complaint' ? 1 : 0,
      );
    }
    const p = predict(model, a.features);
    const thresholds =
      ctx.praiseThreshold === undefined ? model.thresholds : { ...model.thresholds, praise: ctx.praiseThreshold };
    const d = decide(p, a, thresholds);
    // Staff are only credited when the post is neither a complaint nor sarcastic.
    const staff = d.scored.label !== 'complaint' && !d.sarcastic ? a.staff : [];
    const result: Classification = { ...d.scored, staff, lang, version: model.version };
    return ranked(result, d.sarcastic ? 0 : (p[2] as number), p[0] as number);
  };
}
