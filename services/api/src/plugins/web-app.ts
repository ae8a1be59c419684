import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { APP_CSP, NOT_BUILT_PAGE } from './web-app-page.js';

export interface WebAppOptions {
  /** The built care app (a directory with index.html and assets/); unset: the "not built" page. */
  webRoot?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Called by the 404 handler: answers app paths with the app's page; false when it did not. */
    webApp: { fallback(req: FastifyRequest, reply: FastifyReply): Promise<boolean> };
  }
}

/** Paths that belong to the API: never a file, never the app's page, always JSON. */
const API_PATHS = ['/v1', '/docs', '/openapi.json', '/metrics', '/healthz', '/readyz', '/admin', '/sign-in'];
export const isApiPath = (pathname: string) => API_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** Vite names files under assets/ by their content hash: a new build means new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function setAppHeaders(root: string, reply: FastifyReply, path: string) {
  const hashed = relative(root, path).startsWith(`assets${sep}`);
  // Everything else (index.html above all) is revalidated, so a new build shows at once.
  reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
  if (path.endsWith('.html')) reply.header('content-security-policy', APP_CSP);
}

/**
 * The care app, served from `webRoot` at `/` with no second server. Files are served as
 * they are; any other GET for an app path (the app's own routes, e.g. /wall/<token>) from
 * a browser (Accept: text/html) gets index.html, and the app routes itself. API paths and
 * non-browser requests get the usual JSON 404. All of it is public: the app asks the
 * user to sign in when GET /v1/session is 401.
 */
export const webApp = fp(
  async (app: FastifyInstance, opts: WebAppOptions) => {
    const root = opts.webRoot ? resolve(opts.webRoot) : undefined;
    if (root) {
      await app.register(async (files) => {
        files.addHook('onRoute', (route) => {
          route.config = { ...route.config, public: true };
        });
        await files.register(fastifyStatic, {
          root,
          prefix: '/',
          wildcard: true,
          cacheControl: false,
          dotfiles: 'ignore',
          suppressWarning: true,
          setHeaders: (reply, path) => setAppHeaders(root, reply, path),
          allowedPath: (pathname) => !isApiPath(pathname),
        });
      });
    }

    async function fallback(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const pathname = req.url.split('?')[0] ?? '/';
      if (isApiPath(pathname) || pathname.startsWith('/assets/')) return false;
      if (pathname !== '/' && !(req.headers.accept ?? '').includes('text/html')) return false;
      // Read per request: a build made while the API runs is picked up without a restart.
      const page = root ? await readFile(join(root, 'index.html')).catch(() => undefined) : undefined;
      await reply
        .status(200)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', APP_CSP)
        .send(page ?? NOT_BUILT_PAGE);
      return true;
    }
    app.decorate('webApp', { fallback });
  },
  { name: 'web-app' },
);
