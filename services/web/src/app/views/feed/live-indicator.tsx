import type { LiveState } from './use-live-mentions';

const TEXT: Record<LiveState | 'off', string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Live updates stopped',
  off: 'Live updates off for these filters',
};

/** Whether new mentions will appear by themselves. */
export function LiveIndicator({ state }: { state: LiveState | 'off' }) {
  return (
    <span class={`live live-${state}`} data-testid="live-state" data-state={state}>
      <span class="dot" aria-hidden="true" /> {TEXT[state]}
    </span>
  );
}
