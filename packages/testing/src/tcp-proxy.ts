import { connect, createServer, type Server, type Socket } from 'node:net';
import { closedPort } from './closed-port.js';

/**
 * A loopback TCP proxy in front of a server the tests share (Postgres): services pointed
 * at it see that server go away and come back while the real one, and every other test
 * using it, carry on. `down()` refuses new connections (nothing listens: ECONNREFUSED) and
 * drops every open one, as a stopped server would; `up()` listens again on the same port.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy on `port` (a free one when 0) to `target`, listening unless `up: false`. */
  static async start(target: { host: string; port: number }, opts: { port?: number; up?: boolean } = {}) {
    const proxy = new TcpProxy(opts.port ?? (await closedPort()), target);
    if (opts.up !== false) await proxy.up();
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's. */
  static through(url: string, port: number): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise((resolve) => server.close(resolve)) : undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private pipe(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      // Either side ending or failing ends both, as one connection would.
      s.on('error', () => {});
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
