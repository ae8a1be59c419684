import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setQuery } from '../../router';

export const PERIODS = [7, 14, 30, 90, 365] as const;

export interface Period {
  brand: string;
  days: number;
}

export function periodFrom(query: URLSearchParams): Period {
  const days = Number(query.get('days'));
  return { brand: query.get('brand') ?? '', days: PERIODS.includes(days as 7) ? days : 30 };
}

/** Brand and period, for the kudos wall and the trends. */
export function PeriodControls({ brand, days, onChange }: Period & { onChange(p: Period): void }) {
  const [draft, setDraft] = useState(brand);
  useEffect(() => setDraft(brand), [brand]);
  return (
    <form
      class="filters no-print"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ brand: draft.trim(), days });
      }}
    >
      <div class="field">
        <label for="period-brand">Brand</label>
        <input
          id="period-brand"
          value={draft}
          placeholder="all brands"
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={() => draft.trim() !== brand && onChange({ brand: draft.trim(), days })}
        />
      </div>
      <div class="field">
        <label for="period-days">Period</label>
        <select
          id="period-days"
          value={String(days)}
          onChange={(e) => onChange({ brand: draft.trim(), days: Number(e.currentTarget.value) })}
        >
          {PERIODS.map((d) => (
            <option key={d} value={String(d)}>
              Last {d} days
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Show</button>
    </form>
  );
}

interface HeadProps {
  title: string;
  description: string;
  period: Period;
  /** Buttons for the view as a whole, beside its title. */
  children?: ComponentChildren;
}

/** The head of a view over a brand and period: its title names the brand shown; the controls set both in the URL. */
export function PeriodHead({ title, description, period, children }: HeadProps) {
  return (
    <>
      <div class="view-head">
        <h1 id="view-title" tabIndex={-1}>
          {title}
          {period.brand ? `: ${period.brand}` : ''}
        </h1>
        <p class="muted">{description}</p>
        {children}
      </div>
      <PeriodControls
        brand={period.brand}
        days={period.days}
        onChange={(p) => setQuery({ brand: p.brand || undefined, days: String(p.days) })}
      />
    </>
  );
}
