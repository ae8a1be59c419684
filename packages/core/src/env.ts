import { z } from 'zod';

/** `true`/`1`/`yes` → true, `false`/`0`/`no`/empty → false; anything else is an error. */
export const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Settings every service reads. Defaults work with the local Postgres and Redis. */
export const BaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://postgres@127.0.0.1:5432/goodchatter'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /**
   * Use a Redis Cluster (ioredis `Cluster`) for everything in Redis, seeded from
   * REDIS_CLUSTER_NODES; REDIS_URL then only gives the user, password and TLS of every node.
   */
  REDIS_CLUSTER_ENABLED: booleanFromEnv.default(false),
  /** Seed nodes of the cluster, `host:port,host:port,…` (any few of its nodes). */
  REDIS_CLUSTER_NODES: z
    .string()
    .trim()
    .regex(/^[^,\s]+:\d{1,5}(\s*,\s*[^,\s]+:\d{1,5})*$/, 'comma-separated host:port')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Redis key prefix of every queue; two deployments sharing one Redis need different ones. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('goodchatter'),
  /** A job held by a worker that stopped answering is retried after this long. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** How long start-up waits for Postgres and Redis to answer before it exits 1; 0 waits for ever. */
  STARTUP_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
});
export type BaseEnv = z.infer<typeof BaseEnv>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** Parses settings once at boot; a wrong one is reported with the variable's name. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // Empty strings mean "unset" so that `FOO=` in a compose file falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new EnvError(`invalid configuration:\n${lines.join('\n')}`);
}
