import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { setCsrfToken, setUnauthorizedHandler } from './api/client';
import { signOut as endSession, getSession } from './api/endpoints';
import type { Scope, Session } from './api/types';

/** Why the sign-in form is showing: first visit, an expired link, or a session that ended. */
export type SignInReason = 'expired-link' | 'session-ended' | 'signed-out' | undefined;

interface SessionState {
  session: Session;
  can: (scope: Scope) => boolean;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside a signed-in view');
  return state;
}

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

interface GateProps {
  /** Shown while nobody is signed in. */
  signIn: (props: { reason: SignInReason; onSignedIn: (s: Session) => void }) => ComponentChildren;
  children: ComponentChildren;
}

/**
 * Holds the session: asks the server on load (the cookie is HttpOnly, so only the server
 * knows), shows the sign-in form while there is none, and drops back to it when any call
 * answers 401 (expired, signed out elsewhere, key revoked).
 */
export function SessionGate({ signIn, children }: GateProps) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [reason, setReason] = useState<SignInReason>(() =>
    new URLSearchParams(window.location.search).get('signin') === 'expired' ? 'expired-link' : undefined,
  );

  const adopt = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken);
    setSession(s);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      adopt(null);
      setReason('session-ended');
    });
    getSession().then(adopt, () => adopt(null));
    return () => setUnauthorizedHandler(undefined);
  }, [adopt]);

  const signOut = useCallback(async () => {
    try {
      await endSession();
    } finally {
      adopt(null);
      setReason('signed-out');
    }
  }, [adopt]);

  if (session === undefined)
    return (
      <p class="loading" aria-busy="true">
        Loading…
      </p>
    );
  if (session === null) return <>{signIn({ reason, onSignedIn: adopt })}</>;
  const can = (scope: Scope) => session.key.scopes.some((s) => RANK[s] >= RANK[scope]);
  return <SessionContext.Provider value={{ session, can, signOut }}>{children}</SessionContext.Provider>;
}
