import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { setLabel, setStatus } from '../../api/endpoints';
import { LABELS, type Label, type Mention, type Status } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';

export type PendingAction = { kind: 'status'; status: Exclude<Status, 'new'> } | { kind: 'label'; status?: undefined };

interface Props {
  mention: Mention;
  action: PendingAction;
  onCancel(): void;
  onDone(updated: Mention, what: string): void;
}

const VERB = { thanked: 'Mark thanked', rewarded: 'Mark rewarded', dismissed: 'Dismiss' } as const;

/**
 * The second step of an action: a note for a status, or the right label and why. Enter
 * confirms, Escape cancels; both come straight after the shortcut key.
 */
export function ActionForm({ mention, action, onCancel, onDone }: Props) {
  const [note, setNote] = useState('');
  const [label, setNewLabel] = useState<Exclude<Label, 'unscored'>>(
    mention.label === 'praise' ? 'complaint' : 'praise',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const idBase = `m-${mention.id}-${action.kind}`;

  useEffect(() => first.current?.focus(), []);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (action.kind === 'status') {
        onDone(await setStatus(mention.id, action.status, note.trim() || undefined), `Marked ${action.status}`);
      } else {
        onDone(await setLabel(mention.id, label, note.trim() || undefined), `Label set to ${label}`);
      }
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      class="action-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
      aria-label={action.kind === 'status' ? VERB[action.status] : 'Correct the label'}
    >
      {action.kind === 'label' && (
        <div class="field">
          <label for={`${idBase}-label`}>Correct label</label>
          <select
            id={`${idBase}-label`}
            ref={first}
            value={label}
            onChange={(e) => setNewLabel(e.currentTarget.value as typeof label)}
          >
            {LABELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field grow">
        <label for={`${idBase}-note`}>{action.kind === 'status' ? 'Note (optional)' : 'Reason (optional)'}</label>
        <input
          id={`${idBase}-note`}
          ref={action.kind === 'status' ? first : undefined}
          value={note}
          maxLength={2000}
          placeholder={action.kind === 'status' ? 'e.g. sent a voucher by DM' : 'e.g. sarcasm'}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <div class="form-buttons">
        <button type="submit" class="primary" disabled={busy}>
          {action.kind === 'status' ? VERB[action.status] : 'Save label'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorAlert message={error} />
    </form>
  );
}
