import { brandCrossScorerHook, feedbackBrandsAt } from './brand-cross.js';
import { createClassifier } from './classify.js';
import { loadModel } from './model.js';

// Loaded once at import, synchronously: classify() runs in the scorer's hot loop.
const WEIGHTS = new URL('../model/weights.json', import.meta.url);
const model = loadModel(WEIGHTS);
// Brands the team corrected often enough to get their own word weights (none until
// `pnpm train:classifier --feedback` finds enough; see README "Learning from the team").
const feedbackBrands = feedbackBrandsAt(WEIGHTS);

/** Version of rules + weights; stored with every classified mention. */
export const CLASSIFIER_VERSION: string = model.version;

/** Classifies one mention with the shipped weights. */
export const classify = createClassifier(model, brandCrossScorerHook(feedbackBrands));

export { type Classify, type ClassifyContext, createClassifier } from './classify.js';
export { lexiconScore } from './lexicon-score.js';
export type { PhraseRule, RuleLabel } from './rules.js';
