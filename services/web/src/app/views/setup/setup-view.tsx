import { ApiKeysPanel } from './api-keys-panel';
import { QueriesPanel } from './queries-panel';
import { WebhooksPanel } from './webhooks-panel';

/** The admin's views: what is tracked, where alerts go, who has keys, and the queues. */
export function SetupView() {
  return (
    <section class="view setup" aria-labelledby="view-title">
      <div class="view-head">
        <h1 id="view-title" tabIndex={-1}>
          Setup
        </h1>
        <p class="muted">
          Tracked queries, webhook subscriptions and API keys.{' '}
          <a href="/admin/queues" target="_blank" rel="noopener">
            Open the queue dashboard<span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      </div>
      <QueriesPanel />
      <WebhooksPanel />
      <ApiKeysPanel />
    </section>
  );
}
