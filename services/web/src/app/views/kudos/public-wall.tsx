import { useEffect, useState } from 'preact/hooks';
import { ApiError, describeError } from '../../api/client';
import { getSharedKudos } from '../../api/endpoints';
import type { Kudos } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { KudosWall } from './kudos-wall';

const REFRESH_MS = 60_000;

/** The shared wall at /wall/<token>: read-only, no sign-in, refreshed every minute for a team screen. */
export function PublicWall({ token }: { token: string }) {
  const [kudos, setKudos] = useState<Kudos>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    const load = () =>
      getSharedKudos(token).then(
        (k) => {
          if (!live) return;
          setKudos(k);
          setError(undefined);
        },
        (err) => {
          if (!live) return;
          const gone = err instanceof ApiError && [401, 403, 404, 410].includes(err.status);
          setError(gone ? 'This wall link was revoked or has expired.' : describeError(err));
          if (gone) setKudos(undefined);
        },
      );
    void load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [token]);

  // A wall for one brand names it; the link itself does not say.
  const brands = new Set(kudos?.data.map((e) => e.brand));
  const brand = brands.size === 1 ? [...brands][0] : undefined;

  return (
    <main id="main" class="view public-wall kudos">
      <h1 tabIndex={-1}>
        <span aria-hidden="true" class="logo-mark" /> Kudos{brand ? `: ${brand}` : ''}
      </h1>
      <ErrorAlert message={error} />
      {kudos && <KudosWall kudos={kudos} />}
      {!kudos && !error && <p class="loading">Loading…</p>}
    </main>
  );
}
