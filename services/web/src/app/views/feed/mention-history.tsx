import { useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { mentionHistory } from '../../api/endpoints';
import type { HistoryEntry } from '../../api/types';
import { formatDateTime } from '../../format';

/** Who changed what on a mention, loaded when opened. */
export function MentionHistory({ id }: { id: string }) {
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [error, setError] = useState<string>();

  const onToggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || entries) return;
    mentionHistory(id).then(
      (h) => setEntries(h.data),
      (err) => setError(describeError(err)),
    );
  };

  return (
    <details class="history" onToggle={onToggle}>
      <summary>History</summary>
      {error && <p class="error">{error}</p>}
      {entries && entries.length === 0 && <p class="muted">No changes yet.</p>}
      {entries && entries.length > 0 && (
        <ol>
          {entries.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(h.at)}</time>:{' '}
              {h.kind === 'status'
                ? `status ${h.fromStatus ?? '—'} → ${h.toStatus ?? '—'}${h.note ? ` (“${h.note}”)` : ''}`
                : `label ${h.fromLabel ?? '—'} → ${h.toLabel ?? '—'}${h.reason ? ` (“${h.reason}”)` : ''}`}{' '}
              <span class="muted">by {h.keyId}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
