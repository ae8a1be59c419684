import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closedPort, createTestEnv, TcpProxy, type TestEnv } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A service's entry point as its container runs it, with a dependency down, a refused
// login, and Ctrl-C: what it prints and how it exits.
const root = fileURLToPath(new URL('../../../', import.meta.url));
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.cleanup());

interface Run {
  lines: { level: number; msg: string }[];
  output: () => string;
  /** The exit code, or the signal that ended the process (so a failure says which). */
  exited: Promise<number | NodeJS.Signals | null>;
  running(): boolean;
  signal(sig: NodeJS.Signals): void;
}

function runScorer(over: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'services/scorer/src/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      QUEUE_PREFIX: env.prefix,
      LOG_LEVEL: 'info',
      STARTUP_TIMEOUT_MS: '1500',
      ...over,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    get lines() {
      return out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; msg: string });
    },
    output: () => out,
    exited,
    running: () => child.exitCode === null && child.signalCode === null,
    signal: (sig) => child.kill(sig),
  };
}

const WARN = 40;
const ERROR = 50;
const withUrl = (url: string, change: (u: URL) => void) => {
  const u = new URL(url);
  change(u);
  return u.toString();
};

describe('a service starting with a dependency down', () => {
  it('Postgres down: one line naming it (password hidden) and the cause, retries, then exits 1', {
    timeout: 60_000,
  }, async () => {
    const port = await closedPort();
    const url = withUrl(env.databaseUrl, (u) => {
      u.port = String(port);
      u.password = 'hunter2';
    });
    const run = runScorer({ DATABASE_URL: url });
    expect(await run.exited).toBe(1);
    const shown = withUrl(url, (u) => (u.password = '***'));
    // (Redis answers; any advice about its set-up is not about Postgres.)
    const loud = run.lines.filter((l) => l.level >= WARN && l.msg.startsWith('Postgres'));
    expect(loud.map((l) => l.msg)).toEqual([
      `Postgres at ${shown} is not answering (connect ECONNREFUSED 127.0.0.1:${port}); retrying for up to 2 s`,
      `Postgres at ${shown} is still not answering after 2 s (connect ECONNREFUSED 127.0.0.1:${port}): giving up`,
    ]);
    expect(run.output()).not.toContain('hunter2');
  });

  it('Redis down: the same, naming Redis, and no flood of worker errors', { timeout: 60_000 }, async () => {
    const port = await closedPort();
    const run = runScorer({ REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(await run.exited).toBe(1);
    const loud = run.lines.filter((l) => l.level >= WARN).map((l) => l.msg);
    expect(loud[0]).toBe(
      `Redis at redis://127.0.0.1:${port} is not answering (connect ECONNREFUSED 127.0.0.1:${port}); retrying for up to 2 s`,
    );
    expect(loud.at(-1)).toMatch(/^Redis at .* is still not answering after 2 s \(.*ECONNREFUSED.*\): giving up$/);
    // Nothing repeated while it waited.
    expect(loud).toHaveLength(2);
  });

  it('Postgres not there yet with STARTUP_TIMEOUT_MS=0: waits as long as it takes, then runs', {
    timeout: 90_000,
  }, async () => {
    // Postgres "down" without touching the shared one: a proxy to it that is not listening yet.
    const target = new URL(env.databaseUrl);
    const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) }, { up: false });
    const url = TcpProxy.through(env.databaseUrl, proxy.port);
    const run = runScorer({ DATABASE_URL: url, STARTUP_TIMEOUT_MS: '0' });
    try {
      await expect
        .poll(() => run.lines.some((l) => l.msg.startsWith('Postgres')), {
          message: 'the wait to be announced',
          timeout: 45_000,
        })
        .toBe(true);
      // Longer than any deadline a timeout of 0 could have been read as.
      await new Promise((r) => setTimeout(r, 3000));
      expect(run.running()).toBe(true);
      await proxy.up();
      await expect
        .poll(() => run.lines.some((l) => l.msg === 'scorer started'), {
          message: 'the scorer to start',
          timeout: 45_000,
        })
        .toBe(true);
      expect(run.lines.filter((l) => l.msg.startsWith('Postgres')).map((l) => l.msg)).toEqual([
        `Postgres at ${url} is not answering (connect ECONNREFUSED 127.0.0.1:${proxy.port}); retrying until it does (STARTUP_TIMEOUT_MS=0)`,
        `Postgres at ${url} answers now`,
      ]);
      run.signal('SIGTERM');
      expect(await run.exited, run.output().slice(-2000)).toBe(0);
    } finally {
      if (run.running()) run.signal('SIGKILL');
      await proxy.down();
    }
  });

  it('a role Postgres does not know: one line, and exit 1 at once without retrying', { timeout: 60_000 }, async () => {
    const run = runScorer({ DATABASE_URL: withUrl(env.databaseUrl, (u) => (u.username = 'gc_no_such_role')) });
    expect(await run.exited).toBe(1);
    const errors = run.lines.filter((l) => l.level >= ERROR).map((l) => l.msg);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Postgres at postgres:\/\/gc_no_such_role@.* refused us \(28000: role "gc_no_such_role" does not exist\): that role may not log in/,
    );
    expect(run.lines.filter((l) => l.level === WARN && l.msg.startsWith('Postgres'))).toEqual([]);
  });
});

describe('a running service told to stop', () => {
  it('logs each shutdown step and exits 0, also when the Ctrl-C arrives twice at once', {
    timeout: 60_000,
  }, async () => {
    const run = runScorer({});
    await expect
      .poll(() => run.lines.some((l) => l.msg === 'scorer started'), {
        message: 'the scorer to start',
        timeout: 45_000,
      })
      .toBe(true);
    // What `pnpm start` at a terminal delivers: the terminal's SIGINT and pnpm's copy of it.
    run.signal('SIGINT');
    run.signal('SIGINT');
    expect(await run.exited).toBe(0);
    const msgs = run.lines.map((l) => l.msg);
    const from = msgs.indexOf('shutting down');
    expect(msgs.slice(from)).toEqual([
      'shutting down',
      'shutdown: stop scoring (batches in progress finish)',
      'shutdown: close the Redis connection',
      'shutdown: close the Postgres pool',
      'stopped',
    ]);
  });
});
