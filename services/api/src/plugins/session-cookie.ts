import type { FastifyRequest } from 'fastify';

/** The care app's session cookie. */
export const SESSION_COOKIE = 'gc_session';

/** The value of cookie `name` in a Cookie header (first one wins), or undefined. */
export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    // Our tokens are base64url: anything else is not ours, and never reaches a query.
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * `HttpOnly` keeps it from scripts; `SameSite=Strict` keeps other sites' pages from
 * sending it; `Secure` only when the request itself came over https (req.protocol, which
 * believes x-forwarded-proto only when trustProxy is set), so plain-http local use works.
 */
export function sessionCookie(req: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}${secure}`;
}

export const clearedSessionCookie = (req: FastifyRequest) => sessionCookie(req, '', 0);
