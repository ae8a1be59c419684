import { useEffect, useState } from 'preact/hooks';

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
