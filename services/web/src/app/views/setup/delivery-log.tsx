import { listDeliveries, redeliver } from '../../api/endpoints';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { useAction } from '../../components/use-action';
import { useResource } from '../../components/use-resource';
import { formatAgo } from '../../format';

/** A subscription's deliveries, newest first, each redeliverable once settled. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const log = useResource(() => listDeliveries(webhookId));
  const { error, run } = useAction(log.reload);

  return (
    <div class="delivery-log">
      <div class="row-actions">
        <button type="button" class="link-button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      <ErrorAlert message={error ?? log.error} />
      {log.data?.data.length === 0 && <p class="empty">No deliveries yet.</p>}
      {log.data && log.data.data.length > 0 && (
        <DataTable
          caption="Deliveries, newest first"
          columns={['Event', 'Status', 'Attempts', 'Answer', 'When']}
          actions
        >
          {log.data.data.map((d) => (
            <tr key={d.id}>
              <td>{d.eventType}</td>
              <td>
                <span class={`badge delivery-${d.status}`}>{d.status}</span>
              </td>
              <td>{d.attempts}</td>
              <td>
                {d.responseCode ?? '—'}
                {d.latencyMs !== null && <span class="muted"> · {d.latencyMs} ms</span>}
                {d.lastError && <p class="error small">{d.lastError}</p>}
              </td>
              <td>{formatAgo(d.createdAt)}</td>
              <td>
                {d.status !== 'pending' && d.status !== 'digested' && (
                  <button type="button" onClick={() => void run('Redelivery queued', () => redeliver(webhookId, d.id))}>
                    Redeliver
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
