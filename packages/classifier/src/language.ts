import { eld } from 'eld/medium';
import { ENGLISH, ENGLISH_SHARED, FOREIGN } from './function-words.js';

/** Languages the lexicons and weights are built for. */
export const SUPPORTED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

export interface LanguageVerdict {
  /** ISO 639-1 code, or null when the text has too few letters to tell. */
  lang: string | null;
  supported: boolean;
}

// Handles, hashtags and URLs are names, not language; they make detectors guess Tagalog.
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\w_]+|&\w+;|\d+/g;
const LETTER = /\p{L}/u;

/** Counts letters, and those outside ASCII, without allocating (this runs once per mention). */
function countLetters(text: string): { letters: number; nonAscii: number } {
  let letters = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
    else if (text.charCodeAt(i) > 127 && LETTER.test(text[i] as string)) {
      letters++;
      nonAscii++;
    }
  }
  return { letters, nonAscii };
}

const ENGLISH_VERDICT: LanguageVerdict = Object.freeze({ lang: 'en', supported: true });

interface WordCounts {
  words: number;
  /** Words only English uses, and English words that other languages use too. */
  english: number;
  shared: number;
  /** The foreign language with the most function words, and how many. */
  foreign: string;
  foreignHits: number;
  /** Function words per foreign language, indexed like LANGS. */
  hits: number[];
}

// One look-up per word: a bit mask of the lists it is in (bit 0 English, 1 shared, 2.. LANGS).
const LANGS = Object.keys(FOREIGN);
const CLASSES = new Map<string, number>();
const mark = (set: ReadonlySet<string>, bit: number) => {
  for (const w of set) CLASSES.set(w, (CLASSES.get(w) ?? 0) | (1 << bit));
};
mark(ENGLISH, 0);
mark(ENGLISH_SHARED, 1);
for (const [i, lang] of LANGS.entries()) mark(FOREIGN[lang] as ReadonlySet<string>, i + 2);

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

function countWords(clean: string): WordCounts {
  const hits = LANGS.map(() => 0);
  let words = 0;
  let english = 0;
  let shared = 0;
  const lower = clean.toLowerCase();
  for (const m of lower.includes('’') ? lower.replaceAll('’', "'").matchAll(WORD) : lower.matchAll(WORD)) {
    words++;
    const c = CLASSES.get(m[0]);
    if (c === undefined) continue;
    if (c & 1) english++;
    else if (c & 2) shared++;
    for (let i = 0; i < hits.length; i++) if (c & (4 << i)) hits[i] = (hits[i] as number) + 1;
  }
  let foreign = '';
  let foreignHits = 0;
  for (const [i, n] of hits.entries()) {
    if (n > foreignHits) {
      foreign = LANGS[i] as string;
      foreignHits = n;
    }
  }
  return { words, english, shared, foreign, foreignHits, hits };
}

/**
 * English for sure, without asking eld (a third of classify()'s time): several English
 * function words, a fair share of the words, far more than any other language's, and
 * (almost) only ASCII letters. Anything less certain goes to eld.
 */
function clearlyEnglish(c: WordCounts, letters: number, nonAscii: number): boolean {
  const en = c.english + c.shared;
  if (nonAscii * 20 > letters || c.foreignHits * 2 >= en) return false;
  // Several English function words and a fair share of the words; or, with no function
  // word of any of the six languages at all, one English word is enough (headlines full of
  // names: "Survey shows Poroshenko has lost…"). Other languages written in plain ASCII
  // without any of those words (Tagalog, Malay…) were scored as English before too.
  return (c.english >= 1 && en >= 2 && en * 4 >= c.words) || (c.foreignHits === 0 && c.english >= 1);
}

/**
 * Only a confident, clear non-English verdict makes a text unscored: on short tweets full
 * of names the detector's second guess is often English, and scoring an English complaint
 * is far more useful than dropping it. Two ways to be confident:
 * - eld alone: top score ≥ 0.7, ≥ 0.2 above English, reliable, ≥ 12 letters;
 * - eld backed by function words, for short posts ("Vielen Dank für die schnelle Hilfe",
 *   "Merci beaucoup à Sophie, service impeccable"): eld's top language is French, German,
 *   Spanish, Italian, Portuguese or Dutch, and at least two words and a third of all words
 *   are that language's function words, more than the English ones.
 * See the README for how many TweetEval (English) tweets each rule flags.
 */
export function detectLanguage(text: string, names: readonly string[] = []): LanguageVerdict {
  // 200 characters identify a language as well as 2,000 and keep the detector's cost flat.
  let clean = text.replace(NOISE, ' ').slice(0, 200);
  // Brand names ("Bluebird Coffee") are not language either.
  for (const name of names) if (name !== '') clean = clean.replaceAll(name, ' ');
  const { letters, nonAscii } = countLetters(clean);
  if (letters < 3) return { lang: null, supported: true };
  const counts = countWords(clean);
  if (clearlyEnglish(counts, letters, nonAscii)) return ENGLISH_VERDICT;
  const result = eld.detect(clean);
  const top = result.language;
  if (top === '' || SUPPORTED_LANGUAGES.has(top)) return { lang: top === '' ? null : top, supported: true };
  const hits = counts.hits[LANGS.indexOf(top)];
  if (hits !== undefined && hits >= 2 && hits * 3 >= counts.words && hits > counts.english) {
    return { lang: top, supported: false };
  }
  if (letters < 12 || !result.isReliable()) return ENGLISH_VERDICT;
  const scores = result.getScores();
  const best = scores[top] ?? 0;
  const en = scores.en ?? 0;
  if (best >= 0.7 && best - en >= 0.2) return { lang: top, supported: false };
  return ENGLISH_VERDICT;
}
