import type { ErrorBody } from './types';

/** A refused or failed request, with the API's stable error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Same-origin calls with the session cookie. Every write (non-GET) carries the session's
 * CSRF token in `x-csrf-token`: the server refuses cookie-authenticated writes without it.
 * A 401 anywhere means the session ended (expired, signed out elsewhere, key revoked):
 * `onUnauthorized` sends the app back to the sign-in form.
 */
let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Do not treat a 401 as the end of the session (the sign-in call itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery(path, opts.query), {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 401 && !opts.quiet401) onUnauthorized?.();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ErrorBody;
    return new ApiError(res.status, body.error.code, body.error.message);
  } catch {
    return new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`);
  }
}

/** A message for people: what went wrong, in the API's words when it gave some. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 403 && err.code === 'forbidden') return `Not allowed: ${err.message}`;
    if (err.status === 429) return `Too many requests, try again shortly (${err.message})`;
    return err.message;
  }
  if (err instanceof DOMException && err.name === 'AbortError') return 'Cancelled';
  return 'The server could not be reached. Check your connection and try again.';
}
