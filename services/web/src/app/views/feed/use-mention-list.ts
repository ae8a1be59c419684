import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { listFeed, listMentions } from '../../api/endpoints';
import type { Mention } from '../../api/types';
import { type Filters, mentionQuery, usesRankedFeed } from './filters';

export interface MentionList {
  items: Mention[];
  /** Ids that arrived live, shown marked as new. */
  fresh: Set<string>;
  loading: boolean;
  error?: string;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  prepend(m: Mention): void;
  replace(m: Mention): void;
  remove(id: string): void;
}

/** One view's mentions: the first page for the filters, more on demand, live ones on top. */
export function useMentionList(filters: Filters): MentionList {
  const [items, setItems] = useState<Mention[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(filters);
  const inFlight = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(
    (after?: string) => {
      const f = JSON.parse(key) as Filters;
      inFlight.current?.abort();
      const ctrl = new AbortController();
      inFlight.current = ctrl;
      setLoading(true);
      setError(undefined);
      const page = usesRankedFeed(f)
        ? listFeed({ brand: f.brand || undefined, source: f.source || undefined }, after, ctrl.signal)
        : listMentions(mentionQuery(f), after, ctrl.signal);
      page.then(
        (p) => {
          if (ctrl.signal.aborted) return;
          setItems((prev) => {
            if (!after) return p.data;
            const seen = new Set(prev.map((m) => m.id));
            return [...prev, ...p.data.filter((m) => !seen.has(m.id))];
          });
          setCursor(p.nextCursor);
          setLoading(false);
        },
        (err) => {
          if (ctrl.signal.aborted) return;
          setError(describeError(err));
          setLoading(false);
        },
      );
    },
    [key],
  );

  // A layout effect starts the request right after the first render instead of after the
  // next paint: the feed's first page is what the page is opened for.
  // Dependencies: `generation` is the reload trigger
  useLayoutEffect(() => {
    setFresh(new Set());
    fetchPage();
    return () => inFlight.current?.abort();
  }, [fetchPage, generation]);

  return {
    items,
    fresh,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => cursor && !loading && fetchPage(cursor),
    reload: () => setGeneration((g) => g + 1),
    prepend: (m) => {
      setItems((prev) => (prev.some((p) => p.id === m.id) ? prev : [m, ...prev]));
      setFresh((prev) => new Set(prev).add(m.id));
    },
    replace: (m) => setItems((prev) => prev.map((p) => (p.id === m.id ? { ...p, ...m } : p))),
    remove: (id) => setItems((prev) => prev.filter((p) => p.id !== id)),
  };
}
