/**
 * The fake Bluesky's accounts and sessions, as a PDS keeps them: `createSession` with an
 * identifier and app password, short-lived access tokens, rotating refresh tokens
 * (`refreshSession` takes the refresh token as its bearer and retires it), and the
 * errors Bluesky answers with: `ExpiredToken` (400) for an expired access token — which
 * is what makes the client refresh — and for a revoked refresh token, and
 * `AuthenticationRequired` (401) for a wrong password or a token it never issued.
 */
import { randomBytes } from 'node:crypto';
import { didFor } from './identifiers.js';
import type { XrpcOutcome } from './search.js';

export interface AccountCredentials {
  handle: string;
  appPassword: string;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** JWT-shaped, as Bluesky's are (the client does not read them; people do in logs). */
function token(scope: string, did: string): string {
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ typ: scope, alg: 'ES256K' })}.${b64({ scope, sub: did, iat: now, jti: randomBytes(8).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
}

export class SessionStore {
  private readonly access = new Map<string, { did: string; expired: boolean }>();
  private readonly refresh = new Map<string, string>();
  private revokedPassword = false;
  readonly did: string;

  constructor(
    private readonly account: AccountCredentials,
    private readonly serviceUrl: () => string,
  ) {
    this.did = didFor(account.handle);
  }

  /** Every access token issued so far now answers ExpiredToken (as after 2 hours). */
  expireAccessTokens(): void {
    for (const t of this.access.values()) t.expired = true;
  }

  /** Refresh tokens stop working (a session revoked from the account's settings). */
  revokeSessions(): void {
    this.refresh.clear();
  }

  /** The app password is deleted: its sessions go with it and logging in with it fails. */
  revokeAppPassword(): void {
    this.revokedPassword = true;
    this.revokeSessions();
  }

  create(body: unknown): XrpcOutcome {
    const { identifier, password } = (body ?? {}) as { identifier?: unknown; password?: unknown };
    if (typeof identifier !== 'string' || typeof password !== 'string') {
      return { status: 400, body: { error: 'InvalidRequest', message: 'Input must have the property "identifier"' } };
    }
    const known = identifier === this.account.handle || identifier === this.did;
    if (!known || password !== this.account.appPassword || this.revokedPassword) {
      return { status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } };
    }
    return { status: 200, body: this.issue() };
  }

  refreshWith(bearer: string | undefined): XrpcOutcome {
    if (bearer === undefined || !this.refresh.has(bearer)) {
      return { status: 400, body: { error: 'ExpiredToken', message: 'Token has been revoked' } };
    }
    this.refresh.delete(bearer);
    return { status: 200, body: this.issue() };
  }

  /** Why an access token is refused, or null when it is good. */
  checkAccess(bearer: string | undefined): XrpcOutcome | null {
    const held = bearer === undefined ? undefined : this.access.get(bearer);
    if (!held) return { status: 401, body: { error: 'AuthenticationRequired', message: 'Authentication Required' } };
    if (held.expired) return { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
    return null;
  }

  /** getSession's answer. */
  describe(): Record<string, unknown> {
    return { handle: this.account.handle, did: this.did, didDoc: this.didDoc(), emailConfirmed: true, active: true };
  }

  private issue(): Record<string, unknown> {
    const accessJwt = token('com.atproto.access', this.did);
    const refreshJwt = token('com.atproto.refresh', this.did);
    this.access.set(accessJwt, { did: this.did, expired: false });
    this.refresh.set(refreshJwt, this.did);
    return { accessJwt, refreshJwt, ...this.describe() };
  }

  /** The DID document names this server as the account's PDS, so the client keeps talking to it. */
  private didDoc(): Record<string, unknown> {
    return {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: this.did,
      alsoKnownAs: [`at://${this.account.handle}`],
      verificationMethod: [],
      service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: this.serviceUrl() }],
    };
  }
}
