import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../../api/client';
import { signIn } from '../../api/endpoints';
import type { Session } from '../../api/types';
import { navigate } from '../../router';
import type { SignInReason } from '../../session';

const MESSAGES: Record<Exclude<SignInReason, undefined>, string> = {
  'expired-link': 'That sign-in link has expired or was already used. Ask for a new one, or sign in with your API key.',
  'session-ended': 'Your session has ended. Sign in again to carry on.',
  'signed-out': 'You are signed out.',
};

interface Props {
  reason: SignInReason;
  onSignedIn: (session: Session) => void;
}

/** Exchanges an API key for a session cookie; the key itself is never stored in the browser. */
export function SignInView({ reason, onSignedIn }: Props) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await signIn(key.trim());
      // Leave /sign-in and the ?signin=expired marker behind.
      const path = window.location.pathname === '/sign-in' ? '/' : window.location.pathname;
      navigate(path, { replace: true });
      onSignedIn(session);
    } catch (err) {
      setError(
        (err as { status?: number }).status === 401 ? 'That key is not valid, or it was revoked.' : describeError(err),
      );
      setBusy(false);
      input.current?.select();
    }
  }

  return (
    <main class="sign-in" id="main">
      <form class="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span aria-hidden="true" class="logo-mark" /> Good Chatter
        </h1>
        <p class="muted">The praise customers post about you, ready to thank and pass on.</p>
        {reason && (
          <p class={reason === 'signed-out' ? 'notice' : 'notice warn'} role="status" data-testid="sign-in-reason">
            {MESSAGES[reason]}
          </p>
        )}
        <label for="api-key">API key</label>
        <input
          ref={input}
          id="api-key"
          name="key"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          minLength={8}
          value={key}
          onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby={error ? 'sign-in-error' : 'sign-in-help'}
          aria-invalid={error ? true : undefined}
        />
        <p id="sign-in-help" class="hint">
          Paste the key your admin gave you. It is exchanged for a session cookie and not kept in this browser.
        </p>
        {error && (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
