import type { IncomingMessage } from 'node:http';

/** One request a fake received, as tests read it back. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Query parameters as the server received them (the last value of each). */
  query: Record<string, string>;
  /** The raw `authorization` header, e.g. `Bearer test-token`. */
  authorization: string | undefined;
  /** The status the fake answered with (0 for a dropped connection); set once it answers. */
  status: number;
}

export function recordRequest(req: IncomingMessage, url: URL): RecordedRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization,
    status: 0,
  };
}

/** The token of a `Bearer …` authorization header; undefined when there is none or it is not a bearer. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}
