/**
 * Version of the rules (tokeniser, lexicons, features, decision). Bump it when any of them
 * change; the training script appends a digest of the weights, so the full version
 * (stored with every mention) changes whenever rules or weights do.
 */
export const RULES_VERSION = 'gc-classifier-3.2.0';
