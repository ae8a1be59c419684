import type { Kudos, KudosEntry } from '../../api/types';
import { formatDay } from '../../format';
import { ComplimentCard } from './compliment-card';

interface Props {
  kudos: Kudos;
  /** Merge selection (signed-in leads only); absent on the shared wall. */
  selection?: { isSelected(e: KudosEntry): boolean; toggle(e: KudosEntry): void };
}

export const entryKey = (e: KudosEntry) => `${e.brand ?? ''}\u0000${e.staff}`;

/** Staff praised, most praised first, each with the customers' own words. */
export function KudosWall({ kudos, selection }: Props) {
  const total = kudos.data.reduce((n, e) => n + e.count, 0);
  return (
    <div class="kudos-wall">
      <p class="kudos-summary" data-testid="kudos-summary">
        <strong data-testid="kudos-total">{total}</strong> {total === 1 ? 'compliment' : 'compliments'} for{' '}
        <strong>{kudos.data.length}</strong> {kudos.data.length === 1 ? 'person' : 'people'}, {formatDay(kudos.since)} –{' '}
        {formatDay(kudos.until)}
      </p>
      {kudos.data.length === 0 && <p class="empty">No staff praised by name in this period yet.</p>}
      <div class="staff-grid">
        {kudos.data.map((e) => {
          const id = `staff-${encodeURIComponent(entryKey(e)).replace(/%/g, '')}`;
          return (
            <section
              key={entryKey(e)}
              class="staff-entry card"
              aria-labelledby={id}
              data-testid="kudos-entry"
              data-staff={e.staff}
              data-brand={e.brand ?? ''}
            >
              <header class="staff-head">
                <h2 id={id}>
                  {e.staff}
                  {e.brand && <span class="muted"> · {e.brand}</span>}
                </h2>
                <span class="count">
                  <strong data-testid="kudos-count">{e.count}</strong> {e.count === 1 ? 'compliment' : 'compliments'}
                </span>
                {selection && e.brand && (
                  <label class="merge-pick">
                    <input type="checkbox" checked={selection.isSelected(e)} onChange={() => selection.toggle(e)} />{' '}
                    Select to merge
                  </label>
                )}
              </header>
              <ul class="compliments">
                {e.mentions.map((m) => (
                  <li key={m.id}>
                    <ComplimentCard mention={m} staff={e.staff} />
                  </li>
                ))}
              </ul>
              {e.count > e.mentions.length && (
                <p class="muted">…and {e.count - e.mentions.length} more in this period.</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
