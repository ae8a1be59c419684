import { useEffect, useRef, useState } from 'preact/hooks';
import type { Mention } from '../../api/types';

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

/**
 * Newly stored mentions from `/v1/stream` (server-sent events, authenticated by the
 * session cookie). EventSource reconnects by itself and resumes after the last event id;
 * if the server refuses (the session ended) it stops, and `closed` says so. No labels: no stream.
 */
export function useLiveMentions(labels: string[], onMention: (m: Mention) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onMention);
  handler.current = onMention;
  const key = labels.join(',');

  useEffect(() => {
    if (!key) return;
    setState('connecting');
    const source = new EventSource(`/v1/stream?labels=${encodeURIComponent(key)}`, { withCredentials: true });
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.addEventListener('mention', (e) => {
      try {
        handler.current(JSON.parse((e as MessageEvent<string>).data) as Mention);
      } catch {
        // A malformed event is skipped; the next one still arrives.
      }
    });
    return () => source.close();
  }, [key]);

  return state;
}
