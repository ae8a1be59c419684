import { useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { listQueries, patchQuery, pollQuery } from '../../api/endpoints';
import type { TrackedQuery } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { useResource } from '../../components/use-resource';
import { formatAgo, formatCount, formatDateTime } from '../../format';

/** Tracked queries: are they polling, why not, how much of today's read budget is left; poll now. */
export function QueriesPanel() {
  const queries = useResource(listQueries);
  const announce = useAnnounce();
  const [error, setError] = useState<string>();

  async function run(what: string, fn: () => Promise<unknown>) {
    setError(undefined);
    try {
      await fn();
      announce(what);
      queries.reload();
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <section class="card panel" aria-labelledby="queries-title">
      <h2 id="queries-title">Tracked queries</h2>
      {(error || queries.error) && (
        <p class="error" role="alert">
          {error ?? queries.error}
        </p>
      )}
      {queries.data?.data.length === 0 && <p class="empty">No tracked queries yet (POST /v1/queries).</p>}
      {queries.data && queries.data.data.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Brand</th>
                <th scope="col">Query</th>
                <th scope="col">Status</th>
                <th scope="col">Budget left today</th>
                <th scope="col">Last poll</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queries.data.data.map((q) => (
                <QueryRow
                  key={q.id}
                  q={q}
                  onPoll={() => run(`Poll of ${q.brand} queued`, () => pollQuery(q.id))}
                  onToggle={() =>
                    run(`${q.brand} ${q.enabled ? 'paused' : 'enabled'}`, () =>
                      patchQuery(q.id, { enabled: !q.enabled }),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function QueryRow({ q, onPoll, onToggle }: { q: TrackedQuery; onPoll(): void; onToggle(): void }) {
  const left = Math.max(0, q.dailyBudget - q.readsToday);
  return (
    <tr>
      <th scope="row">{q.brand}</th>
      <td>
        <code class="query-text">{q.query}</code> <span class="muted">({q.source})</span>
      </td>
      <td>
        <span class={`badge query-${q.enabled ? q.status : 'disabled'}`}>{q.enabled ? q.status : 'disabled'}</span>
        {q.lastError && <p class="error small">{q.lastError}</p>}
        {q.pausedUntil && <p class="muted small">until {formatDateTime(q.pausedUntil)}</p>}
      </td>
      <td>
        {formatCount(left)} of {formatCount(q.dailyBudget)}
        <meter min={0} max={q.dailyBudget} value={left} aria-label={`${q.brand} budget left`} />
      </td>
      <td>{q.lastPolledAt ? formatAgo(q.lastPolledAt) : 'never'}</td>
      <td class="row-actions">
        <button type="button" onClick={onPoll} disabled={!q.enabled || q.status !== 'active'}>
          Poll now<span class="visually-hidden"> {q.brand}</span>
        </button>
        <button type="button" onClick={onToggle}>
          {q.enabled ? 'Disable' : 'Enable'}
          <span class="visually-hidden"> {q.brand}</span>
        </button>
      </td>
    </tr>
  );
}
