/**
 * Whether Mastodon search queries can be polled, for the 400 on creating one that cannot:
 * the ingest service needs MASTODON_ACCESS_TOKEN for them, so the API reads the same
 * variable (set on both; compose passes it to both) and keeps only whether it is there.
 *
 * Read here, once, when the routes are registered, because buildApi does not pass it in
 * yet; the route takes `sources` as an option for when it does.
 */
import { parseEnv } from '@goodchatter/core';
import { z } from 'zod';
import type { SourceAbilities } from './schemas.js';

const MastodonTokenEnv = z.object({ MASTODON_ACCESS_TOKEN: z.string().min(1).optional() });

export function sourceAbilitiesFromEnv(env: Record<string, string | undefined> = process.env): SourceAbilities {
  return { mastodonSearch: parseEnv(MastodonTokenEnv, env).MASTODON_ACCESS_TOKEN !== undefined };
}
