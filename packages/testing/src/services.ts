import { execFileSync } from 'node:child_process';

export interface ServiceUrls {
  /** A database URL whose user may CREATE/DROP DATABASE. */
  adminDatabaseUrl: string;
  redisUrl: string;
  /** Stops anything this call started (containers); no-op for local services. */
  stop(): Promise<void>;
}

const LOCAL_DB = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function dockerReachable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Where tests find Postgres and Redis: `DATABASE_URL`/`REDIS_URL` when set; otherwise
 * containers when a Docker engine answers; otherwise the local services.
 */
export async function resolveServices(env = process.env): Promise<ServiceUrls> {
  if (env.DATABASE_URL || env.REDIS_URL || !dockerReachable()) {
    return {
      adminDatabaseUrl: env.DATABASE_URL ?? LOCAL_DB,
      redisUrl: env.REDIS_URL ?? LOCAL_REDIS,
      stop: async () => {},
    };
  }
  // Imported lazily: only machines with Docker pay for (or can run) testcontainers.
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { RedisContainer } = await import('@testcontainers/redis');
  const [pg, redis] = await Promise.all([
    new PostgreSqlContainer('postgres:15-alpine').start(),
    new RedisContainer('redis:7-alpine').start(),
  ]);
  return {
    adminDatabaseUrl: pg.getConnectionUri(),
    redisUrl: redis.getConnectionUrl(),
    async stop() {
      await Promise.all([pg.stop(), redis.stop()]);
    },
  };
}
