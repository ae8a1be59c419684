import { useEffect, useMemo, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { getTrends } from '../../api/endpoints';
import type { Trends } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount, formatDuration, formatPercent } from '../../format';
import { PeriodHead, periodFrom } from '../kudos/period-controls';
import { ChartPanel } from './chart-panel';
import { dailyPraiseRatio, dailyVolume, timeToThanked, weeklyTotals } from './series';

const count = (v: number) => formatCount(v);
const percent = (v: number) => formatPercent(v);
const duration = (v: number) => formatDuration(v);
const DAY = 86_400;
const WEEK = 7 * DAY;

/** Each chart's title and what it shows, in words (its description for screen readers). */
const ABOUT = {
  ratio: ['Praise ratio per day', 'Share of scored mentions that are praise, per day, one line per brand.'],
  volume: ['Mentions per day', 'Number of mentions posted per day, one line per brand.'],
  speed: ['Time from post to thanked', 'How long after posting praise was marked thanked, per week.'],
  done: ['Thanked and rewarded per week', 'Mentions marked thanked and rewarded per week.'],
} as const;
const about = (chart: keyof typeof ABOUT) => ({ title: ABOUT[chart][0], description: ABOUT[chart][1] });

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
      <PeriodHead title="Trends" description="Per UTC day of posting and per week, by brand." period={period} />
      <ErrorAlert message={error} />
      {!charts && !error && <p class="loading">Loading…</p>}
      {charts && (
        <div class="chart-grid">
          <ChartPanel {...about('ratio')} data={charts.ratio} format={percent} step={DAY} />
          <ChartPanel {...about('volume')} data={charts.volume} format={count} step={DAY} />
          <ChartPanel {...about('speed')} data={charts.speed} format={duration} step={WEEK} />
          <ChartPanel {...about('done')} data={charts.done} format={count} step={WEEK} kind="bars" />
        </div>
      )}
    </section>
  );
}
