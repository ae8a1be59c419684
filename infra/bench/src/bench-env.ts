import { randomBytes } from 'node:crypto';
import {
  createQueuePrefix,
  createTemplateDatabase,
  dropDatabase,
  resolveServices,
  withDatabase,
} from '@goodchatter/testing';

export interface BenchEnv {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  cleanup(): Promise<void>;
}

/**
 * A throwaway migrated database and queue prefix for one benchmark run. `migrate: false`
 * names a database that does not exist yet (the first runMigrations creates it).
 */
export async function createBenchEnv(opts: { migrate?: boolean } = {}): Promise<BenchEnv> {
  const services = await resolveServices();
  const name =
    opts.migrate === false
      ? `gc_bench_${randomBytes(4).toString('hex')}`
      : await createTemplateDatabase(services.adminDatabaseUrl);
  const queues = createQueuePrefix(services.redisUrl);
  return {
    databaseUrl: withDatabase(services.adminDatabaseUrl, name),
    redisUrl: services.redisUrl,
    prefix: queues.prefix,
    async cleanup() {
      await dropDatabase(services.adminDatabaseUrl, name);
      await queues.cleanup();
      await services.stop();
    },
  };
}

/** Reads `--name=value` flags and positional numbers from a benchmark's argv. */
export function flag(args: string[], name: string, fallback: number): number {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  const value = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
