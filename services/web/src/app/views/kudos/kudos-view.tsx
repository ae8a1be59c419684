import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { getKudos } from '../../api/endpoints';
import type { Kudos, KudosEntry } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useSession } from '../../session';
import { entryKey, KudosWall } from './kudos-wall';
import { MergeNames } from './merge-names';
import { PeriodHead, periodFrom } from './period-controls';
import { ShareLinks } from './share-links';

/**
 * The kudos wall for a brand and period: who was praised, how often, in the customers'
 * words. Printing gives one compliment per page; a share link shows it on a team screen.
 */
export function KudosView({ query }: { query: URLSearchParams }) {
  const { can } = useSession();
  const period = periodFrom(query);
  const [kudos, setKudos] = useState<Kudos>();
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<KudosEntry[]>([]);

  // Dependencies: `generation` is the reload trigger
  useEffect(() => {
    let live = true;
    setError(undefined);
    const until = new Date();
    const since = new Date(until.getTime() - period.days * 86_400_000);
    getKudos({ brand: period.brand || undefined, since: since.toISOString(), until: until.toISOString() }).then(
      (k) => live && setKudos(k),
      (err) => live && setError(describeError(err)),
    );
    setSelected([]);
    return () => {
      live = false;
    };
  }, [period.brand, period.days, generation]);

  const selection = {
    isSelected: (e: KudosEntry) => selected.some((s) => entryKey(s) === entryKey(e)),
    toggle: (e: KudosEntry) =>
      setSelected((prev) =>
        prev.some((s) => entryKey(s) === entryKey(e)) ? prev.filter((s) => entryKey(s) !== entryKey(e)) : [...prev, e],
      ),
  };

  return (
    <section class="view kudos" aria-labelledby="view-title">
      <PeriodHead
        title="Kudos wall"
        description="Compliments that name a member of staff: forward them, print them, paste them up."
        period={period}
      >
        <div class="view-tools no-print">
          <button type="button" onClick={() => window.print()}>
            Print the wall
          </button>
        </div>
      </PeriodHead>
      <ErrorAlert message={error} />
      {can('write') && (
        <div class="kudos-tools no-print">
          <MergeNames selected={selected} onMerged={() => setGeneration((g) => g + 1)} />
          <ShareLinks brand={period.brand} days={period.days} />
        </div>
      )}
      {kudos ? (
        <KudosWall kudos={kudos} selection={can('write') ? selection : undefined} />
      ) : (
        !error && <p class="loading">Loading…</p>
      )}
    </section>
  );
}
