import { createSignInLink, type Db, envAdminOwner } from '@goodchatter/db';

/** Where a one-time sign-in token is spent (GET, outside /v1: it is a link people click). */
export const signInPath = (token: string) => `/sign-in?token=${encodeURIComponent(token)}`;

/**
 * A one-time link that signs a browser in with the GOODCHATTER_ADMIN_KEY: what `pnpm start`
 * prints as `Care app: …`, so the person who started the stack is one click from the feed.
 */
export async function adminSignInPath(db: Db, adminKey: string, ttlMinutes = 10): Promise<string> {
  const { token } = await createSignInLink(db, envAdminOwner(adminKey), ttlMinutes * 60_000);
  return signInPath(token);
}
