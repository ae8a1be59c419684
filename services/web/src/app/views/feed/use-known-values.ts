import { useEffect, useState } from 'preact/hooks';
import { listQueries } from '../../api/endpoints';
import type { Mention } from '../../api/types';

/** Brands and sources to suggest in filters: the tracked queries' and those on screen. */
export function useKnownValues(items: Mention[]): { brands: string[]; sources: string[] } {
  const [tracked, setTracked] = useState<{ brands: string[]; sources: string[] }>({ brands: [], sources: [] });
  useEffect(() => {
    listQueries().then(
      (q) => setTracked({ brands: q.data.map((d) => d.brand), sources: q.data.map((d) => d.source) }),
      () => {},
    );
  }, []);
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    brands: uniq([...tracked.brands, ...items.map((m) => m.brand)]),
    sources: uniq([...tracked.sources, ...items.map((m) => m.source)]),
  };
}
