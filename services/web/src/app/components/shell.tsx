import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../router';
import { useSession } from '../session';
import { Link } from './link';

const SECTIONS = [
  { href: '/', label: 'Feed', scope: 'read' },
  { href: '/complaints', label: 'Complaints', scope: 'read' },
  { href: '/kudos', label: 'Kudos wall', scope: 'read' },
  { href: '/trends', label: 'Trends', scope: 'read' },
  { href: '/setup', label: 'Setup', scope: 'admin' },
] as const;

/** Header, navigation and the main landmark; moves focus to the new view's heading on navigation. */
export function Shell({ path, children }: { path: string; children: ComponentChildren }) {
  const { session, can, signOut } = useSession();
  const first = useRef(true);
  const [expiredLink, setExpiredLink] = useState(
    () => new URLSearchParams(window.location.search).get('signin') === 'expired',
  );

  useEffect(() => {
    if (expiredLink) navigate(window.location.pathname, { replace: true });
  }, [expiredLink]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <Link href="/" class="brand-link">
          <span aria-hidden="true" class="logo-mark" /> Good Chatter
        </Link>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.filter((s) => can(s.scope)).map((s) => (
              <li key={s.href}>
                <Link href={s.href} current={s.href === '/' ? path === '/' : path.startsWith(s.href)}>
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="muted" title={`scopes: ${session.key.scopes.join(', ')}`}>
            {session.key.name}
          </span>
          <button type="button" class="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {expiredLink && (
        <div class="banner warn" role="status">
          That sign-in link has expired or was already used; you are still signed in as {session.key.name}.{' '}
          <button type="button" class="link-button" onClick={() => setExpiredLink(false)}>
            Dismiss
          </button>
        </div>
      )}
      <main id="main">{children}</main>
    </>
  );
}
