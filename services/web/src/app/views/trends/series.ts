import type { TrendDay, TrendWeek } from '../../api/types';
import type { Series } from './chart';

/** Rows per (time, brand) → one x axis and one aligned series per brand. */
export function byBrand<T extends { brand: string | null }>(
  rows: T[],
  time: (r: T) => string,
  value: (r: T) => number | null,
): { x: number[]; times: string[]; series: Series[] } {
  const times = [...new Set(rows.map(time))].sort();
  const brands = [...new Set(rows.map((r) => r.brand ?? '(no brand)'))].sort();
  const at = new Map(times.map((t, i) => [t, i]));
  const series = brands.map((b) => {
    const values: (number | null)[] = times.map(() => null);
    for (const r of rows) if ((r.brand ?? '(no brand)') === b) values[at.get(time(r)) ?? 0] = value(r);
    return { label: b, values };
  });
  return { x: times.map((t) => Date.parse(t) / 1000), times, series };
}

/** Thanked and rewarded per week, summed over the brands shown. */
export function weeklyTotals(rows: TrendWeek[]): { x: number[]; times: string[]; series: Series[] } {
  const times = [...new Set(rows.map((r) => r.week))].sort();
  const thanked = times.map((t) => rows.filter((r) => r.week === t).reduce((n, r) => n + r.thanked, 0));
  const rewarded = times.map((t) => rows.filter((r) => r.week === t).reduce((n, r) => n + r.rewarded, 0));
  return {
    x: times.map((t) => Date.parse(t) / 1000),
    times,
    series: [
      { label: 'Thanked', values: thanked },
      { label: 'Rewarded', values: rewarded },
    ],
  };
}

/** Time to thanked: for one brand, median and 90th percentile; for several, each brand's median. */
export function timeToThanked(rows: TrendWeek[]): { x: number[]; times: string[]; series: Series[] } {
  const brands = new Set(rows.map((r) => r.brand));
  if (brands.size > 1)
    return byBrand(
      rows,
      (r) => r.week,
      (r) => r.medianSecondsToThanked,
    );
  const times = [...new Set(rows.map((r) => r.week))].sort();
  const of = (t: string) => rows.find((r) => r.week === t);
  return {
    x: times.map((t) => Date.parse(t) / 1000),
    times,
    series: [
      { label: 'Median', values: times.map((t) => of(t)?.medianSecondsToThanked ?? null) },
      { label: '90th percentile', values: times.map((t) => of(t)?.p90SecondsToThanked ?? null), dash: true },
    ],
  };
}

export const dailyVolume = (rows: TrendDay[]) =>
  byBrand(
    rows,
    (r) => r.day,
    (r) => r.total,
  );
export const dailyPraiseRatio = (rows: TrendDay[]) =>
  byBrand(
    rows,
    (r) => r.day,
    (r) => r.praiseRatio,
  );
