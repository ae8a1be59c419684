import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { createShare, listShares, revokeShare } from '../../api/endpoints';
import type { KudosShare, KudosShareMade } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay } from '../../format';

const absolute = (url: string) => new URL(url, window.location.origin).toString();

/**
 * Read-only links to the wall for a team screen, made for the brand and period shown. A
 * link's address is shown once, when it is made (the server keeps no copy); any link can
 * be revoked.
 */
export function ShareLinks({ brand, days }: { brand: string; days: number }) {
  const announce = useAnnounce();
  const [shares, setShares] = useState<KudosShare[]>([]);
  const [made, setMade] = useState<KudosShareMade>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);

  // Dependencies: `generation` is the reload trigger
  useEffect(() => {
    listShares().then(
      (s) => setShares(s.data),
      (err) => setError(describeError(err)),
    );
  }, [generation]);

  async function create() {
    setError(undefined);
    try {
      const share = await createShare({ ...(brand ? { brand } : {}), days });
      setMade(share);
      announce('Share link created');
      setGeneration((g) => g + 1);
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function revoke(s: KudosShare) {
    try {
      await revokeShare(s.id);
      if (made?.id === s.id) setMade(undefined);
      announce('Share link revoked');
      setGeneration((g) => g + 1);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <details class="card tool" open={!!made}>
      <summary>Share a read-only wall</summary>
      <p class="hint">
        Anyone with the link sees this wall ({brand || 'all brands'}, last {days} days) without signing in, until you
        revoke it.
      </p>
      <button type="button" class="primary" onClick={() => void create()}>
        Create share link
      </button>
      {made && (
        <div class="share-made">
          <label for="share-url">New link (copy it now: it is shown once)</label>
          <input id="share-url" readOnly value={absolute(made.url)} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(absolute(made.url)).then(
                () => announce('Link copied'),
                () => {},
              )
            }
          >
            Copy
          </button>
          <a href={made.url} target="_blank" rel="noopener">
            Open it<span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </div>
      )}
      <ErrorAlert message={error} />
      {shares.length > 0 && (
        <ul class="share-list" aria-label="Share links">
          {shares.map((s) => (
            <li key={s.id} data-testid="share">
              {s.brand || 'All brands'}, last {s.days} days, made {formatDay(s.createdAt)}
              {s.expiresAt && `, until ${formatDay(s.expiresAt)}`}{' '}
              <button type="button" class="link-button" onClick={() => void revoke(s)}>
                Revoke<span class="visually-hidden"> the link made {formatDay(s.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
