/**
 * A twitter-api-v2 client pointed at any origin. twitter-api-v2 1.29.1 has no base-URL
 * option (it always requests https://api.x.com/2/…), so a plugin rewrites each request's
 * URL onto the configured origin before it is built, and sets the per-request timeout.
 * An `http://` origin needs an http.Agent: the library calls `https.request`, which
 * rejects the http: protocol unless the agent speaks it.
 */
import http from 'node:http';
import https from 'node:https';
import { type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';

export const DEFAULT_X_BASE_URL = 'https://api.x.com';

/** Parses and checks a base URL once, so a typo fails at construction, not on every poll. */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`X base URL is not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`X base URL must be http:// or https://, got ${url.protocol}`);
  }
  if (url.search || url.hash) throw new Error('X base URL must not have a query or fragment');
  return url;
}

/** `https://api.x.com/2/tweets/search/recent` → `<base origin><base path>/2/tweets/search/recent`. */
export function rebase(requestUrl: string, base: URL): string {
  const original = new URL(/^https?:\/\//.test(requestUrl) ? requestUrl : `https://${requestUrl}`);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${original.pathname}${original.search}`;
}

export interface XClientOptions {
  bearerToken: string;
  base: URL;
  /** Per-request socket timeout; the library destroys the request when it passes. */
  timeoutMs: number;
  /** Shared across polls so connections are reused; must match the base URL's protocol. */
  agent: http.Agent;
  signal?: AbortSignal;
}

export function createAgent(base: URL): http.Agent {
  return base.protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true });
}

/** A client for one poll: cheap to build, and it carries that poll's abort signal. */
export function createXClient(options: XClientOptions): TwitterApi {
  const plugin: ITwitterApiClientPlugin = {
    onBeforeRequestConfig({ params }) {
      params.url = rebase(params.url, options.base);
      params.timeout = options.timeoutMs;
    },
    onBeforeRequest({ requestOptions }) {
      // http.request honours `signal`: aborting destroys the socket and rejects the call.
      if (options.signal) requestOptions.signal = options.signal;
    },
  };
  return new TwitterApi(options.bearerToken, { plugins: [plugin], httpAgent: options.agent });
}
