import { useState } from 'preact/hooks';
import { createKey, listKeys, revokeKey } from '../../api/endpoints';
import type { ApiKey, Scope } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { useAction } from '../../components/use-action';
import { useResource } from '../../components/use-resource';
import { formatDay } from '../../format';
import { useSession } from '../../session';

/** API keys: make one (its secret is shown once), revoke one (its sessions end at once). */
export function ApiKeysPanel() {
  const keys = useResource(listKeys);
  const { session } = useSession();
  const { error, run } = useAction(keys.reload);
  const [made, setMade] = useState<ApiKey & { key: string }>();

  async function create(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    await run(
      (key) => `Key ${key.name} created`,
      async () => {
        const key = await createKey({ name: String(data.get('name')), scopes: [String(data.get('scope')) as Scope] });
        setMade(key);
        form.reset();
        return key;
      },
    );
  }

  async function revoke(k: ApiKey) {
    if (!window.confirm(`Revoke “${k.name}”? Everyone signed in with it is signed out.`)) return;
    await run(`Key ${k.name} revoked`, () => revokeKey(k.id));
  }

  return (
    <section class="card panel" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <ErrorAlert message={error ?? keys.error} />
      {keys.data && (
        <DataTable columns={['Name', 'Starts with', 'Scopes', 'Created']} actions>
          {keys.data.data.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{formatDay(k.createdAt)}</td>
              <td>
                {k.id === session.key.id ? (
                  <span class="muted">this session</span>
                ) : (
                  <button type="button" class="danger" onClick={() => void revoke(k)}>
                    Revoke<span class="visually-hidden"> {k.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form class="inline-form" onSubmit={create}>
        <div class="field">
          <label for="key-name">New key name</label>
          <input id="key-name" name="name" required maxLength={200} placeholder="e.g. Priya's laptop" />
        </div>
        <div class="field">
          <label for="key-scope">Scope</label>
          <select id="key-scope" name="scope">
            <option value="read">read</option>
            <option value="write">write (triage)</option>
            <option value="admin">admin</option>
          </select>
        </div>
        <button type="submit" class="primary">
          Create key
        </button>
      </form>
      {made && (
        <p class="notice" role="status">
          Key for {made.name} (shown once, copy it now): <code data-testid="new-key">{made.key}</code>
        </p>
      )}
    </section>
  );
}
