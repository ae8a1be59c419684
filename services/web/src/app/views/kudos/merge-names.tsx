import { useEffect, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { createAlias, deleteAlias, listAliases } from '../../api/endpoints';
import type { KudosEntry, StaffAlias } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { ErrorAlert } from '../../components/error-alert';

interface Props {
  selected: KudosEntry[];
  onMerged(): void;
}

/**
 * One rep, many spellings ("Priya", "Priya S.", "@priya_helps"): a lead picks the names
 * on the wall and merges them into one person at that brand; merges can be undone.
 */
export function MergeNames({ selected, onMerged }: Props) {
  const announce = useAnnounce();
  const [aliases, setAliases] = useState<StaffAlias[]>([]);
  const [person, setPerson] = useState('');
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);

  // Dependencies: `generation` is the reload trigger
  useEffect(() => {
    listAliases().then(
      (a) => setAliases(a.data),
      (err) => setError(describeError(err)),
    );
  }, [generation]);

  const people = groupByPerson(aliases);
  const top = [...selected].sort((a, b) => b.count - a.count)[0];
  useEffect(() => setPerson(top?.staff ?? ''), [top?.staff]);
  const brands = new Set(selected.map((s) => s.brand));
  const ready = selected.length >= 2 && brands.size === 1 && person.trim() !== '';

  async function merge(e: Event) {
    e.preventDefault();
    if (!ready || !top?.brand) return;
    setError(undefined);
    try {
      const names = selected.map((s) => s.staff);
      await createAlias({ brand: top.brand, person: person.trim(), aliases: names });
      announce(`Merged ${names.join(', ')} into ${person.trim()}`);
      setGeneration((g) => g + 1);
      onMerged();
    } catch (err) {
      setError(describeError(err));
    }
  }

  async function undo(person: MergedPerson) {
    try {
      for (const a of person.rows) await deleteAlias(a.id);
      announce(`Unmerged ${person.person}`);
      setGeneration((g) => g + 1);
      onMerged();
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <details class="card tool" open={selected.length > 0}>
      <summary>Merge name variants {selected.length > 0 && `(${selected.length} selected)`}</summary>
      <form onSubmit={merge} class="merge-form">
        <p class="hint">
          Tick “Select to merge” on two or more names of one brand, then give the person's name.
          {brands.size > 1 && <strong> Pick names of one brand only.</strong>}
        </p>
        <div class="field">
          <label for="merge-person">Show them as</label>
          <input id="merge-person" value={person} onInput={(e) => setPerson(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={!ready}>
          Merge {selected.length || ''} names
        </button>
      </form>
      <ErrorAlert message={error} />
      {people.length > 0 && (
        <ul class="alias-list" aria-label="Merged names">
          {people.map((p) => (
            <li key={`${p.brand}\u0000${p.person}`}>
              <strong>{p.person}</strong> at {p.brand}: {p.rows.map((r) => r.alias).join(', ')}{' '}
              <button type="button" class="link-button" onClick={() => void undo(p)}>
                Undo<span class="visually-hidden"> merge of {p.person}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

interface MergedPerson {
  brand: string;
  person: string;
  rows: StaffAlias[];
}

/** The API lists one row per variant; a lead thinks in people. */
function groupByPerson(rows: StaffAlias[]): MergedPerson[] {
  const people = new Map<string, MergedPerson>();
  for (const r of rows) {
    const key = `${r.brand.toLowerCase()}\u0000${r.person}`;
    const p = people.get(key) ?? { brand: r.brand, person: r.person, rows: [] };
    p.rows.push(r);
    people.set(key, p);
  }
  return [...people.values()];
}
