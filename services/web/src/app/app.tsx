import type { ComponentChildren } from 'preact';
import { Announcer } from './components/announcer';
import { Lazy } from './components/lazy';
import { Shell } from './components/shell';
import { useLocation } from './router';
import { SessionGate, useSession } from './session';
import { FeedView } from './views/feed/feed-view';
import { KudosView } from './views/kudos/kudos-view';
import { PublicWall } from './views/kudos/public-wall';
import { SetupView } from './views/setup/setup-view';
import { SignInView } from './views/sign-in/sign-in-view';

export function App() {
  const { path, query } = useLocation();
  // The shared wall is public: a team screen shows it without anyone signing in.
  const wall = /^\/wall\/([^/]+)$/.exec(path);
  if (wall?.[1]) return <PublicWall token={decodeURIComponent(wall[1])} />;
  return (
    <Announcer>
      <SessionGate signIn={(props) => <SignInView {...props} />}>
        <Shell path={path}>
          <Route path={path} query={query} />
        </Shell>
      </SessionGate>
    </Announcer>
  );
}

function Route({ path, query }: { path: string; query: URLSearchParams }) {
  const { can } = useSession();
  if (path === '/' || path === '/sign-in') return <FeedView mode="praise" query={query} />;
  if (path === '/complaints') return <FeedView mode="complaints" query={query} />;
  if (path === '/kudos') return <KudosView query={query} />;
  // The charting library loads with the trends view only, keeping the feed's first load small.
  if (path === '/trends')
    return <Lazy load={() => import('./views/trends/trends-view')} render={(m) => <m.TrendsView query={query} />} />;
  if (path === '/setup')
    return can('admin') ? (
      <SetupView />
    ) : (
      <Message title="Setup">Setup needs an admin key. Ask an admin to sign you in with one.</Message>
    );
  return <Message title="Not found">There is no page at {path}.</Message>;
}

function Message({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="view">
      <h1 tabIndex={-1}>{title}</h1>
      <p>{children}</p>
    </section>
  );
}
