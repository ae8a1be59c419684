import type { ScoredLabel } from '@goodchatter/core';
import { tokenise } from './tokenise.js';

/** A rule forces any label a scored text can carry. */
export type RuleLabel = ScoredLabel;

export interface PhraseRule {
  phrase: string;
  label: RuleLabel;
}

interface CompiledRule extends PhraseRule {
  parts: string[];
}

const cache = new WeakMap<readonly PhraseRule[], CompiledRule[]>();

/**
 * Per-query rules are tokenised like the text, so "on hold" matches "ON HOLD!!" but not
 * "onholdmusic". Compiled once per rules array (callers pass the same array per query).
 */
function compile(rules: readonly PhraseRule[]): CompiledRule[] {
  let compiled = cache.get(rules);
  if (compiled === undefined) {
    compiled = rules
      .map((r) => ({ ...r, parts: tokenise(r.phrase).map((t) => t.norm) }))
      .filter((r) => r.parts.length > 0)
      .sort((a, b) => b.parts.length - a.parts.length);
    cache.set(rules, compiled);
  }
  return compiled;
}

/** The longest rule phrase found in the text's token norms, if any. */
export function matchRule(norms: readonly string[], rules: readonly PhraseRule[] | undefined): PhraseRule | undefined {
  if (rules === undefined || rules.length === 0) return undefined;
  for (const rule of compile(rules)) {
    for (let i = 0; i + rule.parts.length <= norms.length; i++) {
      if (rule.parts.every((p, k) => norms[i + k] === p)) return { phrase: rule.phrase, label: rule.label };
    }
  }
  return undefined;
}
