import { listQueries, patchQuery, pollQuery } from '../../api/endpoints';
import type { TrackedQuery } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { useAction } from '../../components/use-action';
import { useResource } from '../../components/use-resource';
import { formatAgo, formatCount, formatDateTime } from '../../format';

/** Tracked queries: are they polling, why not, how much of today's read budget is left; poll now. */
export function QueriesPanel() {
  const queries = useResource(listQueries);
  const { error, run } = useAction(queries.reload);

  return (
    <section class="card panel" aria-labelledby="queries-title">
      <h2 id="queries-title">Tracked queries</h2>
      <ErrorAlert message={error ?? queries.error} />
      {queries.data?.data.length === 0 && <p class="empty">No tracked queries yet (POST /v1/queries).</p>}
      {queries.data && queries.data.data.length > 0 && (
        <DataTable columns={['Brand', 'Query', 'Status', 'Budget left today', 'Last poll']} actions>
          {queries.data.data.map((q) => (
            <QueryRow
              key={q.id}
              q={q}
              onPoll={() => run(`Poll of ${q.brand} queued`, () => pollQuery(q.id))}
              onToggle={() =>
                run(`${q.brand} ${q.enabled ? 'paused' : 'enabled'}`, () => patchQuery(q.id, { enabled: !q.enabled }))
              }
            />
          ))}
        </DataTable>
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
