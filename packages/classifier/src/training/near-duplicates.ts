/**
 * Near-duplicate texts by word shingles. Used twice: to measure the diversity of the
 * hand-written care corpus, and to keep near-copies on the same side of its held-out split
 * (a paraphrase in training would flatter the held-out figure).
 */

/** Lower-cased words without handles, links and punctuation. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+|[@#][\w_]+/g, ' ')
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '');
}

/** Word n-gram shingles (texts shorter than n give one shingle: the whole text). */
export function shingles(text: string, n = 3): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < n) {
    if (w.length > 0) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

export interface NearPair {
  a: number;
  b: number;
  jaccard: number;
}

/** Every pair with shingle Jaccard ≥ threshold, found through an inverted index. */
export function nearDuplicatePairs(texts: readonly string[], threshold = 0.5, n = 3): NearPair[] {
  const sets = texts.map((t) => shingles(t, n));
  const index = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const sh of s) {
      const list = index.get(sh);
      if (list === undefined) index.set(sh, [i]);
      else list.push(i);
    }
  });
  const pairs: NearPair[] = [];
  sets.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (const sh of s) for (const j of index.get(sh) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, common] of shared) {
      const jaccard = common / (s.size + (sets[j] as Set<string>).size - common);
      if (jaccard >= threshold) pairs.push({ a: i, b: j, jaccard });
    }
  });
  return pairs;
}

/** Cluster id per text: texts joined by a near-duplicate pair share one (union-find). */
export function nearDuplicateClusters(texts: readonly string[], threshold = 0.5): number[] {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const { a, b } of nearDuplicatePairs(texts, threshold)) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return texts.map((_, i) => find(i));
}
