import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export type ServiceName = 'ingest' | 'scorer' | 'notifier' | 'api';

/**
 * A service as its own process, started the way its container starts it (its own entry
 * point), from source. Crash tests SIGKILL it; benchmarks use it to spread work over cores.
 * Its output goes to the test's own, or with `capture` to pipes the test reads (to count
 * log lines, say).
 */
export function spawnService(
  name: ServiceName,
  target: { databaseUrl: string; redisUrl: string; prefix: string },
  extra: Record<string, string> = {},
  opts: { capture?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', `services/${name}/src/index.ts`], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: target.databaseUrl,
      REDIS_URL: target.redisUrl,
      QUEUE_PREFIX: target.prefix,
      LOG_LEVEL: 'warn',
      ...extra,
    },
    stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', opts.capture ? 'pipe' : 'inherit'],
  });
}
