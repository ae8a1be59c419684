/** `pnpm bench --help`. */
export const HELP = `Usage: pnpm bench <name> [args]

Benchmarks print figures; none of them asserts a speed. The ones that need Postgres and
Redis make a throwaway database and queue prefix (DATABASE_URL's server, REDIS_URL) and
remove them at the end.

  api [--rows=1000000] [--connections=32] [--seconds=10]
      seed synthetic mentions (monthly partitions), print the query plans behind the feed,
      filtered lists, kudos and stats, and load GET /v1/feed, a filtered GET /v1/mentions
      page, /v1/kudos and /v1/stats (autocannon), with and without shared reads, beside a
      bare Fastify route
  migration [--rows=1000000]
      time migration 0005 (the flat mentions table into monthly partitions) on that many
      rows: the write pause an upgrade costs
  pipeline [N] [--concurrency=4] [--batch=100]
      replay N synthetic mentions (default 50,000) through ingest → score → store
  pipeline --scorers=N[,N…] [M] [--batch=100] [--concurrency=4] [--lock-ms=30000]
      M mentions (default 20,000) pushed to the score queue and stored by N scorer
      processes, for each N given (--scorers=1,2,4 prints the scaling curve): mentions/s,
      CPU use and load, batch hold times, stalled jobs
  ingest [N] [--source=x|mastodon|bluesky] [--polls=1] [--concurrency=4]
      N posts (default 20,000) on the source's fake API, read by the real adapter and
      stored; prints posts/s and read requests per stored post
  webhooks [--rate=200] [--seconds=60] [--batch=20]
      latency from a mention entering the score queue to its webhook arriving
  classifier
      precision and recall of our classifier beside plain wink-sentiment on the labelled
      sets in ../shared/data (each figure labelled cross-validated, development or held
      out), the care corpus' held-out fifth by kind, and texts per second
  out-of-fold
      the quick loop for a classifier change: 5 fold models over the training pool, and
      only out-of-fold figures (praise ranking on TweetEval, SXSW and the care corpus'
      training part, the operating point the training rule would choose, praise by kind)
  feedback [--strategy=feed-review|top-wrong|random] [--crosses=off|on|both] [--weight=N]
      simulate K = 50 / 200 / 1,000 staff corrections on the SXSW brand tweets and print
      the praise precision gained on the rest
`;
