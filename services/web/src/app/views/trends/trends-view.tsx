import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { getTrends } from '../../api/endpoints';
import type { Trends } from '../../api/types';
import { formatCount, formatDuration, formatPercent } from '../../format';
import { setQuery } from '../../router';
import { PeriodControls, periodFrom } from '../kudos/period-controls';
import { ChartPanel } from './chart-panel';
import { dailyPraiseRatio, dailyVolume, timeToThanked, weeklyTotals } from './series';

const count = (v: number) => formatCount(v);
const percent = (v: number) => formatPercent(v);
const duration = (v: number) => formatDuration(v);
const DAY = 86_400;
const WEEK = 7 * DAY;

/** How the good chatter is going: praise share and volume per day, how fast the team thanks. */
export function TrendsView({ query }: { query: URLSearchParams }) {
  const period = periodFrom(query);
  const [trends, setTrends] = useState<Trends>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setError(undefined);
    getTrends({ brand: period.brand || undefined, days: period.days }).then(
      (t) => live && setTrends(t),
      (err) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [period.brand, period.days]);

  const charts = useMemo(
    () =>
      trends && {
        ratio: dailyPraiseRatio(trends.daily),
        volume: dailyVolume(trends.daily),
        speed: timeToThanked(trends.weekly),
        done: weeklyTotals(trends.weekly),
      },
    [trends],
  );

  return (
    <section class="view trends" aria-labelledby="view-title">
      <div class="view-head">
        <h1 id="view-title" tabIndex={-1}>
          Trends{period.brand ? `: ${period.brand}` : ''}
        </h1>
        <p class="muted">Per UTC day of posting and per week, by brand.</p>
      </div>
      <PeriodControls
        brand={period.brand}
        days={period.days}
        onChange={(p) => setQuery({ brand: p.brand || undefined, days: String(p.days) })}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!charts && !error && <p class="loading">Loading…</p>}
      {charts && (
        <div class="chart-grid">
          <ChartPanel
            title="Praise ratio per day"
            description="Share of scored mentions that are praise, per day, one line per brand."
            data={charts.ratio}
            format={percent}
            step={DAY}
          />
          <ChartPanel
            title="Mentions per day"
            description="Number of mentions posted per day, one line per brand."
            data={charts.volume}
            format={count}
            step={DAY}
          />
          <ChartPanel
            title="Time from post to thanked"
            description="How long after posting praise was marked thanked, per week."
            data={charts.speed}
            format={duration}
            step={WEEK}
          />
          <ChartPanel
            title="Thanked and rewarded per week"
            description="Mentions marked thanked and rewarded per week."
            data={charts.done}
            format={count}
            step={WEEK}
            kind="bars"
          />
        </div>
      )}
    </section>
  );
}
