import { useState } from 'preact/hooks';
import { describeError } from '../api/client';
import { useAnnounce } from './announcer';

/**
 * Runs the changes a panel makes: each clears the last failure, awaits the change,
 * announces what it did (to screen readers) and reloads what the panel shows. A failure
 * is kept in `error` for the panel to show instead of being thrown.
 */
export function useAction(reload: () => void) {
  const announce = useAnnounce();
  const [error, setError] = useState<string>();

  /** `done` names the change once it succeeded; it may read what the change returned. */
  async function run<T>(done: string | ((result: T) => string), change: () => Promise<T>): Promise<void> {
    setError(undefined);
    try {
      const result = await change();
      announce(typeof done === 'string' ? done : done(result));
      reload();
    } catch (err) {
      setError(describeError(err));
    }
  }

  return { error, run };
}
