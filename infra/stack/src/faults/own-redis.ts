import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { closeRedis } from '@goodchatter/queues';
import { Redis } from 'ioredis';

/** A free loopback port (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server this test owns: its own port and directory, AOF with fsync on every
 * write (what production should run), so a SIGKILL loses nothing it acknowledged.
 * `start({ persistence: false })` starts it without AOF or RDB, as a Redis set up
 * against the README's advice: it comes back empty. Never the shared Redis.
 */
export class OwnRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(opts: { persistence?: boolean } = {}): Promise<void> {
    const persistence =
      opts.persistence === false
        ? // Its own directory too, so no file the AOF runs left can be loaded.
          ['--dir', await mkdtemp(join(this.dir, 'volatile-')), '--appendonly', 'no']
        : ['--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'always'];
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', ...persistence, '--save', ''],
      { stdio: 'ignore' },
    );
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 100 });
    // Refused connections are the expected answer until redis-server listens; the loop's
    // PING says when it does.
    probe.on('error', () => {});
    for (let i = 0; i < 100; i++) {
      try {
        if (probe.status !== 'ready') await probe.connect().catch(() => {});
        // AOF loaded: Redis answers LOADING until then.
        if ((await probe.ping()) === 'PONG') break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await closeRedis(probe);
  }

  /** SIGKILL: no chance to save anything beyond what AOF already has. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
