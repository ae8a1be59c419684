import { eld } from 'eld/medium';

/** Languages the lexicons and weights are built for. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

export interface LanguageVerdict {
  /** ISO 639-1 code, or null when the text has too few letters to tell. */
  lang: string | null;
  supported: boolean;
}

// Handles, hashtags and URLs are names, not language; they make detectors guess Tagalog.
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\w_]+|&\w+;|\d+/g;
const LETTER = /\p{L}/gu;

/**
 * Only a confident, clear non-English verdict makes a text unscored: on short tweets full
 * of names the detector's second guess is often English, and scoring an English complaint
 * is far more useful than dropping it. Thresholds were set on the TweetEval tweets (≈1%
 * of them are flagged, mostly lists of names) and on foreign care posts in the tests.
 */
export function detectLanguage(text: string): LanguageVerdict {
  const clean = text.replace(NOISE, ' ').slice(0, 400);
  const letters = clean.match(LETTER)?.length ?? 0;
  if (letters < 3) return { lang: null, supported: true };
  const result = eld.detect(clean);
  const top = result.language;
  if (top === '' || SUPPORTED_LANGUAGES.has(top)) return { lang: top === '' ? null : top, supported: true };
  if (letters < 12 || !result.isReliable()) return { lang: 'en', supported: true };
  const scores = result.getScores();
  const best = scores[top] ?? 0;
  const en = scores.en ?? 0;
  if (best >= 0.75 && best - en >= 0.15) return { lang: top, supported: false };
  return { lang: 'en', supported: true };
}
