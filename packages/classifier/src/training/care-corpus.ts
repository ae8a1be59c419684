import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScoredLabel } from '@goodchatter/core';
import { z } from 'zod';
import { foldOf } from './metrics.js';
import { nearDuplicateClusters } from './near-duplicates.js';

/**
 * The care corpus: mentions written by the team for the hard cases of customer care
 * (sarcasm, thanks for a failure, polite complaints, recovery praise …), one JSONL file per
 * industry in data/care-corpus/. A fixed fifth of it is never trained on: the held-out figures
 * the targets name come from there.
 */
export const CARE_KINDS = [
  'plain-praise',
  'recovery-praise',
  'plain-complaint',
  'sarcasm',
  'thanks-for-failure',
  'polite-complaint',
  'request-with-thanks',
  'backhanded',
  'staff-praised-company-blamed',
  'question',
  'neutral-info',
  'mixed',
] as const;

/** The kinds a lexicon or a bag of words reads right; every other kind is hard. */
const PLAIN_KINDS: ReadonlySet<string> = new Set(['plain-praise', 'plain-complaint', 'neutral-info']);

/** Kinds that are hard for a lexicon or a bag of words: the corpus must be ≥ 40% of these. */
export const HARD_KINDS: ReadonlySet<string> = new Set(CARE_KINDS.filter((kind) => !PLAIN_KINDS.has(kind)));

export const CareItem = z.object({
  text: z.string().min(1),
  gold: ScoredLabel,
  industry: z.string().min(1),
  kind: z.enum(CARE_KINDS),
  brand: z.string().min(1),
  staff: z.array(z.string().min(1)).optional(),
});
export type CareItem = z.infer<typeof CareItem> & {
  /** Near-duplicate cluster key: items sharing it stay on one side of every split. */
  group: string;
};

export interface CareCorpus {
  train: CareItem[];
  heldOut: CareItem[];
}

/** One held-out fifth, chosen by hash of the near-duplicate cluster (salted, so it is not CV fold 0). */
const HELD_OUT_FOLDS = 5;
const isHeldOut = (group: string) => foldOf(`held-out:${group}`, HELD_OUT_FOLDS) === 0;

export const CARE_CORPUS_DIR = fileURLToPath(new URL('../../data/care-corpus/', import.meta.url));

/** Every item of the corpus folder, validated; a bad line throws naming file and line. */
export function readCareCorpus(dir = CARE_CORPUS_DIR): Omit<CareItem, 'group'>[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((file) =>
    readFileSync(`${dir}/${file}`, 'utf8')
      .split(/\r?\n/)
      .flatMap((line, i) => {
        if (line.trim() === '') return [];
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch (err) {
          throw new Error(`care-corpus/${file} line ${i + 1}: not JSON (${(err as Error).message})`);
        }
        const parsed = CareItem.safeParse(raw);
        if (!parsed.success) {
          throw new Error(`care-corpus/${file} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        }
        return [parsed.data];
      }),
  );
}

/**
 * The corpus with its fixed split. Near-duplicates (word 3-shingle Jaccard ≥ 0.5) form one
 * group, keyed by its alphabetically first text, so adding lines never moves old ones
 * unless they gain a near-copy.
 */
export function loadCareCorpus(dir = CARE_CORPUS_DIR): CareCorpus {
  const items = readCareCorpus(dir);
  const clusters = nearDuplicateClusters(items.map((i) => i.text));
  const key = new Map<number, string>();
  items.forEach((item, i) => {
    const c = clusters[i] as number;
    const k = key.get(c);
    if (k === undefined || item.text < k) key.set(c, item.text);
  });
  const out: CareCorpus = { train: [], heldOut: [] };
  items.forEach((item, i) => {
    const group = key.get(clusters[i] as number) as string;
    (isHeldOut(group) ? out.heldOut : out.train).push({ ...item, group });
  });
  return out;
}
