import { useState } from 'preact/hooks';
import { createWebhook, listWebhooks, patchWebhook, testWebhook } from '../../api/endpoints';
import { WEBHOOK_EVENTS as EVENTS, type Webhook } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useAction } from '../../components/use-action';
import { useResource } from '../../components/use-resource';
import { DeliveryLog } from './delivery-log';

/** Webhook subscriptions: state, a test event, the delivery log; add one. */
export function WebhooksPanel() {
  const hooks = useResource(listWebhooks);
  const { error, run } = useAction(hooks.reload);
  const [open, setOpen] = useState<number>();
  const [secret, setSecret] = useState<string>();

  async function add(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const events = data.getAll('events').map(String);
    await run('Webhook added', async () => {
      const made = await createWebhook({ url: String(data.get('url')), events });
      setSecret(made.secret);
      form.reset();
    });
  }

  return (
    <section class="card panel" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <ErrorAlert message={error ?? hooks.error} />
      {hooks.data?.data.length === 0 && <p class="empty">No subscriptions yet.</p>}
      <ul class="webhook-list">
        {hooks.data?.data.map((h) => (
          <WebhookItem
            key={h.id}
            hook={h}
            open={open === h.id}
            onOpen={() => setOpen(open === h.id ? undefined : h.id)}
            onTest={() => run(`Test event queued for ${h.url}`, () => testWebhook(h.id))}
            onToggle={() =>
              run(h.active ? 'Webhook paused' : 'Webhook enabled', () => patchWebhook(h.id, { active: !h.active }))
            }
          />
        ))}
      </ul>
      <details class="tool">
        <summary>Add a webhook</summary>
        <form class="stack-form" onSubmit={add}>
          <div class="field">
            <label for="webhook-url">URL</label>
            <input id="webhook-url" name="url" type="url" required placeholder="https://…" />
          </div>
          <fieldset>
            <legend>Events</legend>
            {EVENTS.map((ev, i) => (
              <label key={ev} class="check">
                <input type="checkbox" name="events" value={ev} defaultChecked={i === 0} /> {ev}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary">
            Add webhook
          </button>
        </form>
        {secret && (
          <p class="notice" role="status">
            Signing secret (shown once, keep it): <code>{secret}</code>
          </p>
        )}
      </details>
    </section>
  );
}

interface ItemProps {
  hook: Webhook;
  open: boolean;
  onOpen(): void;
  onTest(): void;
  onToggle(): void;
}

function WebhookItem({ hook: h, open, onOpen, onTest, onToggle }: ItemProps) {
  return (
    <li class="webhook">
      <div class="webhook-head">
        <code class="url">{h.url}</code>
        <span class={`badge ${h.active ? 'ok' : 'off'}`}>{h.active ? 'active' : 'disabled'}</span>
        <span class="muted">{h.events.join(', ')}</span>
        {h.consecutiveFailures > 0 && <span class="badge warn">{h.consecutiveFailures} failures in a row</span>}
      </div>
      {h.disabledReason && <p class="error small">Disabled: {h.disabledReason}</p>}
      <div class="row-actions">
        <button type="button" onClick={onTest}>
          Send test
        </button>
        <button type="button" onClick={onToggle}>
          {h.active ? 'Disable' : 'Enable'}
        </button>
        <button type="button" aria-expanded={open} onClick={onOpen}>
          Delivery log
        </button>
      </div>
      {open && <DeliveryLog webhookId={h.id} />}
    </li>
  );
}
