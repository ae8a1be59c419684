/**
 * One signed-in `@atproto/api` agent for every Bluesky query of the process. The agent
 * creates the session and refreshes it by itself when an access token expires (a 400
 * `ExpiredToken` answer). What it does not do, this does:
 * - sign in lazily, once, however many polls start together (the agent refuses a
 *   concurrent login);
 * - when a refresh was refused (the agent drops the session), sign in again once with the
 *   app password and repeat the request; if that is refused too (the app password was
 *   revoked), the poll fails with SourceAuthError — the query is marked failing, the
 *   process carries on;
 * - a deadline on every request, the session's own included.
 */
import { AtpAgent, XRPCError } from '@atproto/api';
import { SourceAuthError } from '../adapter.js';
import { toSourceError } from './errors.js';

export interface BlueskySessionOptions {
  service: URL;
  identifier: string;
  appPassword: string;
  timeoutMs: number;
}

/** The agent's fetch, with a deadline; the caller's signal (a poll's abort) still applies. */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const given = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const deadline = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: given ? AbortSignal.any([given, deadline]) : deadline });
  };
}

/** The agent answered as if the access token were bad: expired, unknown, or the refresh refused. */
const isSessionRefusal = (error: unknown) =>
  error instanceof XRPCError &&
  (error.status === 401 || error.error === 'ExpiredToken' || error.error === 'InvalidToken');

export class BlueskySession {
  private readonly agent: AtpAgent;
  private signingIn: Promise<void> | undefined;

  constructor(private readonly options: BlueskySessionOptions) {
    this.agent = new AtpAgent({ service: options.service, fetch: fetchWithTimeout(options.timeoutMs) });
  }

  /** Runs `call` on a signed-in agent; see the file comment for what happens on refusal. */
  async run<T>(call: (agent: AtpAgent) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.signIn(signal);
    try {
      return await call(this.agent);
    } catch (error) {
      if (!isSessionRefusal(error) || this.agent.hasSession) throw toSourceError(error, signal);
      // The agent tried to refresh and Bluesky refused: the session is gone.
      const refused = error instanceof Error ? error.message : String(error);
      try {
        await this.signIn(signal);
      } catch (again) {
        if (again instanceof SourceAuthError) {
          throw new SourceAuthError(`Bluesky session could not be refreshed (${refused}); ${again.message}`);
        }
        throw again;
      }
      try {
        return await call(this.agent);
      } catch (retry) {
        throw toSourceError(retry, signal);
      }
    }
  }

  private async signIn(signal?: AbortSignal): Promise<void> {
    if (this.agent.hasSession) return;
    this.signingIn ??= this.agent
      .login({ identifier: this.options.identifier, password: this.options.appPassword })
      .then(
        () => undefined,
        (error: unknown) => {
          throw toSourceError(error, undefined, `Bluesky refused to sign in as ${this.options.identifier}`);
        },
      )
      .finally(() => {
        this.signingIn = undefined;
      });
    await this.signingIn;
    signal?.throwIfAborted();
  }
}
