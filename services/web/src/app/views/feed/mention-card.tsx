import type { Ref } from 'preact';
import type { Mention } from '../../api/types';
import { formatAgo, formatCount, formatDateTime, formatPercent } from '../../format';
import { ActionForm, type PendingAction } from './action-form';
import { MentionHistory } from './mention-history';

interface Props {
  mention: Mention;
  selected: boolean;
  fresh: boolean;
  canWrite: boolean;
  action?: PendingAction;
  cardRef?: Ref<HTMLElement>;
  onSelect(): void;
  onAction(action: PendingAction): void;
  onCancel(): void;
  onDone(updated: Mention, what: string): void;
}

const ACTIONS: { action: PendingAction; label: string; key: string }[] = [
  { action: { kind: 'status', status: 'thanked' }, label: 'Thanked', key: 't' },
  { action: { kind: 'status', status: 'rewarded' }, label: 'Rewarded', key: 'r' },
  { action: { kind: 'status', status: 'dismissed' }, label: 'Dismiss', key: 'd' },
  { action: { kind: 'label' }, label: 'Relabel', key: 'l' },
];

/** One mention: who said what, where, how sure we are, whom it credits, and the actions. */
export function MentionCard(props: Props) {
  const { mention: m, selected, fresh, canWrite, action } = props;
  const titleId = `m-${m.id}-who`;
  return (
    <article
      ref={props.cardRef}
      class={`mention card label-${m.label}${selected ? ' selected' : ''}${fresh ? ' fresh' : ''}`}
      tabIndex={selected ? 0 : -1}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      data-mention-id={m.id}
      // A click focuses the card (it has a tabIndex), so focus alone selects it.
      onFocusIn={props.onSelect}
    >
      <header class="mention-head">
        <h2 id={titleId} class="who">
          {m.author.name ? <span class="name">{m.author.name}</span> : null}
          <span class="handle">@{m.author.handle}</span>
        </h2>
        <span class="reach" title={`${m.author.followers ?? 0} followers`}>
          {formatCount(m.author.followers ?? 0)} followers
        </span>
        {fresh && <span class="badge new">New</span>}
        {m.status !== 'new' && <span class={`badge status-${m.status}`}>{m.status}</span>}
      </header>
      <blockquote class="mention-text" lang={m.lang ?? undefined}>
        {m.text}
      </blockquote>
      <dl class="facts">
        <div>
          <dt>Brand</dt>
          <dd>{m.brand ?? '—'}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{m.source}</dd>
        </div>
        <div>
          <dt>Posted</dt>
          <dd>
            <time dateTime={m.postedAt} title={formatDateTime(m.postedAt)}>
              {formatAgo(m.postedAt)}
            </time>
          </dd>
        </div>
        <div>
          <dt>Label</dt>
          <dd>
            <span class={`badge label-${m.label}`}>{m.label}</span> {formatPercent(m.confidence)} sure
          </dd>
        </div>
        {m.staff.length > 0 && (
          <div class="staff">
            <dt>Staff credited</dt>
            <dd>{m.staff.join(', ')}</dd>
          </div>
        )}
      </dl>
      {m.reasons.length > 0 && (
        <ul class="reasons" aria-label="Why the classifier thinks so">
          {m.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <footer class="mention-actions">
        {m.url && (
          <a class="post-link" href={m.url} target="_blank" rel="noopener noreferrer">
            View post<span class="visually-hidden"> by @{m.author.handle} (opens in a new tab)</span>
          </a>
        )}
        <MentionHistory id={m.id} />
        {canWrite &&
          ACTIONS.map((a) => (
            <button
              key={a.label}
              type="button"
              class={`action action-${a.action.status ?? 'relabel'}`}
              aria-keyshortcuts={a.key}
              aria-expanded={action?.kind === a.action.kind && action.status === a.action.status ? true : undefined}
              onClick={(e) => {
                e.stopPropagation();
                props.onSelect();
                props.onAction(a.action);
              }}
            >
              {a.label}{' '}
              {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the kbd is a visual hint inside the button; aria-keyshortcuts says it to screen readers */}
              <kbd aria-hidden="true">{a.key}</kbd>
            </button>
          ))}
      </footer>
      {action && <ActionForm mention={m} action={action} onCancel={props.onCancel} onDone={props.onDone} />}
    </article>
  );
}
