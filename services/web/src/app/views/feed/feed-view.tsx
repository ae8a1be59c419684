import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LABELS, type Mention } from '../../api/types';
import { useAnnounce } from '../../components/announcer';
import { setQuery } from '../../router';
import { useSession } from '../../session';
import type { PendingAction } from './action-form';
import { FeedFilters } from './feed-filters';
import {
  type FeedMode,
  type Filters,
  filtersFrom,
  matchesLive,
  queryFor,
  stillMatches,
  usesRankedFeed,
} from './filters';
import { LiveIndicator } from './live-indicator';
import { MentionCard } from './mention-card';
import { ShortcutsHelp } from './shortcuts-help';
import { useKnownValues } from './use-known-values';
import { useLiveMentions } from './use-live-mentions';
import { useMentionList } from './use-mention-list';
import { useShortcuts } from './use-shortcuts';

const TITLES: Record<FeedMode, string> = { praise: 'Good chatter', complaints: 'Complaints' };

let firstRenderMarked = false;

/**
 * Triage: the mentions for the filters, newest praise arriving live on top, a selected
 * card moved with j/k and acted on with t/r/d/l. An acted-on mention that no longer fits
 * the view (thanked, in a view of new ones) leaves it, and the next one is selected.
 */
export function FeedView({ mode, query }: { mode: FeedMode; query: URLSearchParams }) {
  const queryKey = query.toString();
  // Dependencies: the query's text is its identity
  const filters = useMemo(() => filtersFrom(query, mode), [queryKey, mode]);
  const list = useMentionList(filters);
  const { can } = useSession();
  const announce = useAnnounce();
  const known = useKnownValues(list.items);
  const [selectedId, setSelectedId] = useState<string>();
  const [action, setAction] = useState<{ id: string; action: PendingAction }>();
  const [unseenLive, setUnseenLive] = useState(0);
  const [help, setHelp] = useState(false);
  const cards = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef(false);

  const selected = list.items.find((m) => m.id === selectedId) ?? list.items[0];
  const index = selected ? list.items.indexOf(selected) : -1;

  useEffect(() => {
    setUnseenLive(0);
    setAction(undefined);
  }, [filters]);

  // The browser test reads this mark: navigation start → the first page on screen.
  useEffect(() => {
    if (firstRenderMarked || list.loading) return;
    firstRenderMarked = true;
    performance.mark('feed-first-render');
  }, [list.loading]);

  useEffect(() => {
    if (!focusNext.current || !selected) return;
    focusNext.current = false;
    const el = cards.current.get(selected.id);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });

  const liveLabels = filters.status && filters.status !== 'new' ? [] : filters.label ? [filters.label] : [...LABELS];
  const live = useLiveMentions(
    liveLabels.filter((l) => l !== 'unscored'),
    (m) => {
      const fits = matchesLive(m, filters);
      if (fits === 'unknown') setUnseenLive((n) => n + 1);
      if (fits !== true) return;
      list.prepend(m);
      announce(`New ${m.label} from @${m.author.handle}${m.brand ? ` about ${m.brand}` : ''}`);
    },
  );

  const move = (by: number) => {
    const next = list.items[Math.min(list.items.length - 1, Math.max(0, index + by))];
    if (!next) return;
    focusNext.current = true;
    setSelectedId(next.id);
    if (by > 0 && index + by >= list.items.length - 3 && list.hasMore) list.loadMore();
  };
  const act = (a: PendingAction) => {
    if (!selected || !can('write')) return;
    setAction({ id: selected.id, action: a });
  };

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    t: () => act({ kind: 'status', status: 'thanked' }),
    r: () => act({ kind: 'status', status: 'rewarded' }),
    d: () => act({ kind: 'status', status: 'dismissed' }),
    l: () => act({ kind: 'label' }),
    o: () => selected?.url && window.open(selected.url, '_blank', 'noopener,noreferrer'),
    '/': () => document.getElementById('filter-q')?.focus(),
    '?': () => setHelp((h) => !h),
  });

  const done = (updated: Mention, what: string) => {
    setAction(undefined);
    focusNext.current = true;
    if (stillMatches(updated, filters)) {
      list.replace(updated);
    } else {
      const neighbour = list.items[index + 1] ?? list.items[index - 1];
      setSelectedId(neighbour?.id);
      list.remove(updated.id);
    }
    announce(`${what}: @${updated.author.handle}`);
  };

  const apply = (f: Filters) => setQuery(queryFor(f, mode));

  return (
    <section class="view feed" aria-labelledby="view-title">
      <div class="view-head">
        <h1 id="view-title" tabIndex={-1}>
          {TITLES[mode]}
        </h1>
        <p class="muted">
          {usesRankedFeed(filters)
            ? 'Fresh praise, most reward-worthy first: how sure we are, how many saw it, how recent.'
            : filters.sort === 'best'
              ? 'Mentions matching the filters, most certain first (the reward-worthiness order ranks fresh praise by brand only).'
              : 'Mentions matching the filters.'}
        </p>
        <div class="view-tools">
          <LiveIndicator state={liveLabels.length ? live : 'off'} />
          <button type="button" class="link-button" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      <FeedFilters mode={mode} filters={filters} brands={known.brands} sources={known.sources} onChange={apply} />
      {unseenLive > 0 && (
        <button type="button" class="banner" onClick={list.reload}>
          {unseenLive} new {unseenLive === 1 ? 'mention' : 'mentions'} arrived: show them
        </button>
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}{' '}
          <button type="button" class="link-button" onClick={list.reload}>
            Try again
          </button>
        </p>
      )}
      <div class="mention-list" aria-busy={list.loading} data-testid="mention-list">
        {list.items.map((m) => (
          <MentionCard
            key={m.id}
            mention={m}
            selected={m.id === selected?.id}
            fresh={list.fresh.has(m.id)}
            canWrite={can('write')}
            action={action?.id === m.id ? action.action : undefined}
            cardRef={(el: HTMLElement | null) => {
              if (el) cards.current.set(m.id, el);
              else cards.current.delete(m.id);
            }}
            onSelect={() => setSelectedId(m.id)}
            onAction={(a) => setAction({ id: m.id, action: a })}
            onCancel={() => {
              setAction(undefined);
              focusNext.current = true;
            }}
            onDone={done}
          />
        ))}
      </div>
      {!list.loading && list.items.length === 0 && !list.error && (
        <p class="empty">
          {mode === 'praise'
            ? 'No fresh praise right now. New praise appears here as it arrives.'
            : 'Nothing matches. New mentions appear here as they arrive.'}
        </p>
      )}
      {list.loading && <p class="loading">Loading…</p>}
      {list.hasMore && !list.loading && (
        <button type="button" class="load-more" onClick={list.loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
