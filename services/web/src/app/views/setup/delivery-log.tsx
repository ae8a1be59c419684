import { useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { listDeliveries, redeliver } from '../../api/endpoints';
import { useAnnounce } from '../../components/announcer';
import { useResource } from '../../components/use-resource';
import { formatAgo } from '../../format';

/** A subscription's deliveries, newest first, each redeliverable once settled. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const log = useResource(() => listDeliveries(webhookId));
  const announce = useAnnounce();
  const [error, setError] = useState<string>();

  async function again(id: number) {
    setError(undefined);
    try {
      await redeliver(webhookId, id);
      announce('Redelivery queued');
      log.reload();
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <div class="delivery-log">
      <div class="row-actions">
        <button type="button" class="link-button" onClick={log.reload}>
          Refresh
        </button>
      </div>
      {(error || log.error) && (
        <p class="error" role="alert">
          {error ?? log.error}
        </p>
      )}
      {log.data?.data.length === 0 && <p class="empty">No deliveries yet.</p>}
      {log.data && log.data.data.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Answer</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                      <button type="button" onClick={() => void again(d.id)}>
                        Redeliver
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
