import { useEffect, useRef, useState } from 'preact/hooks';
import { LABELS, STATUSES } from '../../api/types';
import { defaultsFor, type FeedMode, type Filters } from './filters';

interface Props {
  mode: FeedMode;
  filters: Filters;
  brands: string[];
  sources: string[];
  onChange(f: Filters): void;
}

const SORT_LABELS: Record<Filters['sort'], string> = {
  best: 'Most reward-worthy',
  newest: 'Newest',
  reach: 'Most followers',
  confidence: 'Most certain',
};

/**
 * The view's filters. Choices apply at once; typed text applies after a short pause or on
 * Enter, so the list does not reload on every keystroke.
 */
export function FeedFilters({ mode, filters, brands, sources, onChange }: Props) {
  const [draft, setDraft] = useState(filters);
  // On a phone the filters besides search fold away until asked for.
  const [open, setOpen] = useState(() => !window.matchMedia('(max-width: 640px)').matches);
  const active = (['brand', 'source', 'staff'] as const).filter((k) => draft[k]).length;
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => setDraft(filters), [filters]);

  const set = (patch: Partial<Filters>, typed = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    window.clearTimeout(timer.current);
    if (typed) timer.current = window.setTimeout(() => onChange(next), 400);
    else onChange(next);
  };
  const text = (name: 'brand' | 'source' | 'staff' | 'q') => ({
    id: `filter-${name}`,
    name,
    value: draft[name],
    onInput: (e: Event) => set({ [name]: (e.currentTarget as HTMLInputElement).value }, true),
  });
  const reset = () => {
    window.clearTimeout(timer.current);
    onChange(defaultsFor(mode));
  };

  return (
    <form
      class={`filters${open ? '' : ' folded'}`}
      aria-label="Filter mentions"
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        onChange(draft);
      }}
    >
      <div class="field grow">
        <label for="filter-q">Search text</label>
        <input {...text('q')} type="search" placeholder={'refund maria, "great service", -delay'} />
      </div>
      <button
        type="button"
        class="fold-toggle"
        aria-expanded={open}
        aria-controls="more-filters"
        onClick={() => setOpen((o) => !o)}
      >
        Filters{active ? ` (${active})` : ''}
      </button>
      <div class="more-filters" id="more-filters">
        <div class="field">
          <label for="filter-brand">Brand</label>
          <input {...text('brand')} list="known-brands" autocomplete="off" />
          <datalist id="known-brands">
            {brands.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="filter-source">Source</label>
          <input {...text('source')} list="known-sources" autocomplete="off" />
          <datalist id="known-sources">
            {sources.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="filter-staff">Staff</label>
          <input {...text('staff')} autocomplete="off" />
        </div>
        <div class="field">
          <label for="filter-label">Label</label>
          <select id="filter-label" value={draft.label} onChange={(e) => set({ label: e.currentTarget.value })}>
            <option value="">any</option>
            {[...LABELS, 'unscored'].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" value={draft.status} onChange={(e) => set({ status: e.currentTarget.value })}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-sort">Order</label>
          <select
            id="filter-sort"
            value={draft.sort}
            onChange={(e) => set({ sort: e.currentTarget.value as Filters['sort'] })}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="form-buttons">
          <button type="submit" class="visually-hidden">
            Apply filters
          </button>
          <button type="button" class="link-button" onClick={reset}>
            Reset
          </button>
        </div>
      </div>
    </form>
  );
}
