/** `pnpm start --help`. */
export const HELP = `Usage: pnpm start

Runs Good Chatter in one process: ingest, scorer, notifier and the API (default
http://localhost:3000, docs at /docs). Creates the database if it is missing, applies the
migrations, and replays the bundled demo mentions when no source is configured.
Waits up to STARTUP_TIMEOUT_MS (60 s; 0 waits for ever) for Postgres and Redis, then exits
1 naming the one that did not answer. Ctrl-C stops it in order and exits 0.

Settings come from the environment; the main ones:
  DATABASE_URL           Postgres (default postgres://postgres@127.0.0.1:5432/goodchatter)
  REDIS_URL              Redis for the queues (default redis://127.0.0.1:6379)
  REDIS_CLUSTER_ENABLED  true: a Redis Cluster, seeded from REDIS_CLUSTER_NODES (host:port,…)
  GOODCHATTER_ADMIN_KEY  admin API key, 24+ characters (default: one is made for this run)
  PORT, HOST             where the API listens (default 3000 on 127.0.0.1)
  DEMO                   auto | on | off: the bundled demo source
  X_BEARER_TOKEN         turns the X source on
  MASTODON_URL           turns the Mastodon source on (MASTODON_ACCESS_TOKEN for search queries)
  BLUESKY_IDENTIFIER     with BLUESKY_APP_PASSWORD (an app password), turns the Bluesky source on
  LOG_LEVEL              fatal … trace, or silent (default info)
  STARTUP_TIMEOUT_MS     ms start-up waits for Postgres and Redis (default 60000; 0: for ever)
Every setting: the "Settings" table in README.md.
`;
