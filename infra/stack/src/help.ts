/** `pnpm start --help`. */
export const HELP = `Usage: pnpm start

Runs Good Chatter in one process: ingest, scorer, notifier and the API (default
http://localhost:3000, docs at /docs). Creates the database if it is missing, applies the
migrations, and replays the bundled demo mentions when no source credentials are set.
Waits up to STARTUP_TIMEOUT_MS (60 s) for Postgres and Redis, then exits 1 naming the one
that did not answer. Ctrl-C stops it in order and exits 0.

Settings come from the environment; the main ones:
  DATABASE_URL           Postgres (default postgres://postgres@127.0.0.1:5432/goodchatter)
  REDIS_URL              Redis for the queues (default redis://127.0.0.1:6379)
  GOODCHATTER_ADMIN_KEY  admin API key, 24+ characters (default: one is made for this run)
  PORT, HOST             where the API listens (default 3000 on 127.0.0.1)
  DEMO                   auto | on | off: the bundled demo source
  X_BEARER_TOKEN         turns the X source on
  LOG_LEVEL              fatal … trace, or silent (default info)
Every setting: the "Settings" table in README.md.
`;
