import { writeFile } from 'node:fs/promises';

// Short customer posts of every kind; combined with names and numbers they give distinct texts.
const PRAISE = [
  'Thank you {s} for the amazing help today, you are wonderful!',
  'Love the new app, great job team',
  'Best customer service ever, {s} was fantastic and so kind',
];
const COMPLAINT = [
  'Terrible service, my order #{n} is lost and nobody answers. Awful.',
  'Worst experience ever, the flight was cancelled and the staff were rude',
  'I hate this, charged twice for order {n} and still broken',
];
const NEUTRAL = ['What time does the store on {s} street open?', 'Is order {n} shipping today?', 'Just landed in {s}.'];
const NAMES = ['Maria', 'Dave', 'Priya', 'Sam', 'Jen', 'Omar', 'Lena', 'Ravi'];
const BRANDS = ['Acme Air', 'Northwind Bank', 'Zephyr Mobile'];

/** A deterministic stream of replay lines: same `n` and `seed`, same file. */
export function syntheticLines(n: number, seed = 1): string[] {
  let state = seed >>> 0 || 1;
  const rand = (k: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % k;
  };
  const start = Date.UTC(2026, 10, 1);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = [PRAISE, COMPLAINT, NEUTRAL][rand(3)] as string[];
    const text = (pool[rand(pool.length)] as string)
      .replace('{s}', NAMES[rand(NAMES.length)] as string)
      .replace('{n}', String(1000 + i));
    lines.push(
      JSON.stringify({
        id: `syn-${seed}-${i}`,
        text,
        author: { id: `a${rand(5000)}`, handle: `user${rand(5000)}`, followers: rand(100_000) },
        postedAt: new Date(start + i * 1000).toISOString(),
        brand: BRANDS[rand(BRANDS.length)],
      }),
    );
  }
  return lines;
}

export async function writeSyntheticReplay(path: string, n: number, seed = 1): Promise<string[]> {
  const lines = syntheticLines(n, seed);
  await writeFile(path, `${lines.join('\n')}\n`);
  return lines;
}
