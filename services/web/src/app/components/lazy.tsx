import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

interface Props<M> {
  load: () => Promise<M>;
  render: (module: M) => ComponentChildren;
}

/** Renders a view from a module loaded on first use (a separate chunk of the build). */
export function Lazy<M>({ load, render }: Props<M>) {
  const [module, setModule] = useState<M>();
  const [failed, setFailed] = useState(false);
  // Dependencies: the loader is fixed per route
  useEffect(() => {
    load().then(setModule, () => setFailed(true));
  }, []);
  if (failed)
    return (
      <p class="error" role="alert">
        This view could not be loaded. Reload the page to try again.
      </p>
    );
  return module ? render(module) : <p class="loading">Loading…</p>;
}
