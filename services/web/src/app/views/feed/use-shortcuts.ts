import { useEffect, useRef } from 'preact/hooks';

export type ShortcutMap = Record<string, () => void>;

/**
 * Single-key shortcuts for the whole page (j, k, t, r, d, l, /, ?). Keys typed into a
 * field, or pressed with a modifier, are the field's and the browser's.
 */
export function useShortcuts(map: ShortcutMap): void {
  const current = useRef(map);
  current.current = map;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const run = current.current[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
