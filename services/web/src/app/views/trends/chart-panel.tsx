import type { Series } from './chart';
import { Chart } from './chart';

interface Props {
  title: string;
  description: string;
  data: { x: number[]; times: string[]; series: Series[] };
  format: (v: number) => string;
  kind?: 'line' | 'bars';
  step: number;
}

/** A titled chart with its numbers as a table underneath (for screen readers and exact values). */
export function ChartPanel({ title, description, data, format, kind, step }: Props) {
  const id = `chart-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section class="card chart-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {data.times.length === 0 ? (
        <p class="empty">No data in this period yet.</p>
      ) : (
        <>
          <Chart x={data.x} series={data.series} format={format} description={description} kind={kind} step={step} />
          <details class="no-print">
            <summary>Show the numbers</summary>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    {data.series.map((s) => (
                      <th scope="col" key={s.label}>
                        {s.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.times.map((t, i) => (
                    <tr key={t}>
                      <th scope="row">{t.slice(0, 10)}</th>
                      {data.series.map((s) => {
                        const v = s.values[i];
                        return <td key={s.label}>{v === null || v === undefined ? '—' : format(v)}</td>;
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
