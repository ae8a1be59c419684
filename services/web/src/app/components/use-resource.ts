import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '../api/client';

export interface Resource<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/** Loads `fetcher()` on mount and on `reload()`; keeps the last data while reloading. */
export function useResource<T>(fetcher: () => Promise<T>): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // Dependencies: the fetcher is fixed per component; `generation` reloads
  useEffect(() => {
    let live = true;
    setLoading(true);
    fetcher().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (err) => {
        if (!live) return;
        setError(describeError(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
