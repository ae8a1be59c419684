import { createClassifier } from './classify.js';
import { loadModel } from './model.js';

// Loaded once at import, synchronously: classify() runs in the scorer's hot loop.
const model = loadModel(new URL('../model/weights.json', import.meta.url));

/** Version of rules + weights; stored with every classified mention. */
export const CLASSIFIER_VERSION: string = model.version;

/** Classifies one mention with the shipped weights. */
export const classify = createClassifier(model);

export { type Classify, type ClassifyContext, createClassifier } from './classify.js';
export { lexiconScore } from './lexicon-score.js';
export type { PhraseRule, RuleLabel } from './rules.js';
