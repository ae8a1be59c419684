import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Okabe–Ito: tells series apart with colour-blindness too. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

export interface Series {
  label: string;
  values: (number | null)[];
  dash?: boolean;
}

interface Props {
  /** Unix seconds, ascending. */
  x: number[];
  series: Series[];
  kind?: 'line' | 'bars';
  /** Tick and legend text for a value. */
  format: (v: number) => string;
  /** What the chart shows, for people who cannot see it (the data table is next to it too). */
  description: string;
  /** Seconds between points (a day, a week): the x axis shows half a step either side. */
  step: number;
  height?: number;
}

/** A uPlot chart that follows its container's width. */
export function Chart({ x, series, kind = 'line', format, description, step, height = 240 }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const bars = kind === 'bars';
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true },
        // Counts, ratios and durations all start at zero.
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [{}, { values: (_u, ticks) => ticks.map((t) => format(t)), size: 60 }],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: PALETTE[i % PALETTE.length],
          width: 2,
          dash: s.dash ? [6, 4] : undefined,
          fill: bars ? `${PALETTE[i % PALETTE.length]}cc` : undefined,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)),
          points: { show: !bars },
          spanGaps: false,
          paths: bars
            ? uPlot.paths.bars?.({ size: [0.35, 48], align: series.length === 2 ? (i === 0 ? -1 : 1) : 0 })
            : undefined,
        })),
      ],
    };
    const plot = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    // Half a step either side, so one week still reads as a week and bars are not cut off.
    // (uPlot sizes the x axis from the data alone, so this is set after.)
    plot.setScale('x', { min: (x[0] ?? 0) - step / 2, max: (x.at(-1) ?? 0) + step / 2 });
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, kind, format, step, height]);

  return <div ref={box} class="chart" role="img" aria-label={description} />;
}
