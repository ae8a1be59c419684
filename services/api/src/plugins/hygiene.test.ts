import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/api-harness.js';

const METRICS_TOKEN = 'metrics-token-0123456789';
let h: Harness;
let port: number;

beforeAll(async () => {
  h = await startHarness({ requestTimeoutMs: 1000, metricsToken: METRICS_TOKEN, metricsRefreshMs: 60_000 });
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const address = h.app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await h?.close();
});

/** Writes `bytes` and keeps the connection open; resolves with all the server sent once it closes. */
function holdOpen(bytes: string, opts: { destroyAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let got = '';
    socket.on('data', (c) => {
      got += c.toString();
    });
    socket.on('close', () => resolve(got));
    socket.on('error', () => {});
    socket.write(bytes, () => {
      if (opts.destroyAfterWrite) socket.destroy();
    });
  });
}

describe('resource hygiene', () => {
  it('leaves no stream subscription behind when clients leave mid-handshake', async () => {
    const request = `GET /v1/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.keys.read}\r\nLast-Event-ID: 0-0\r\n\r\n`;
    await Promise.all(Array.from({ length: 20 }, () => holdOpen(request, { destroyAfterWrite: true })));
    await expect
      .poll(() => h.app.streams.subscribers(), { message: 'every subscription released', timeout: 30_000 })
      .toBe(0);
    expect(h.app.streams.subscribers()).toBe(0);
  });

  it('answers 408 in the error shape to a body that never finishes, and closes the connection', async () => {
    const got = await holdOpen(
      `POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.keys.write}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"mentions": [',
    );
    expect(got).toMatch(/^HTTP\/1\.1 408/);
    expect(JSON.parse(got.slice(got.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'request_timeout' } });
  });

  it('closes a connection whose headers never finish', async () => {
    const got = await holdOpen('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(got).toMatch(/^HTTP\/1\.1 408/);
  });

  it('puts /metrics behind METRICS_TOKEN when set', async () => {
    const none = await h.call({ method: 'GET', url: '/metrics', key: null });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('unauthorized');
    const wrong = await h.call({ method: 'GET', url: '/metrics', key: 'metrics-token-wrong-000000' });
    expect(wrong.status).toBe(401);
    const ok = await h.call({ method: 'GET', url: '/metrics', key: METRICS_TOKEN });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('goodchatter_queue_jobs');
  });

  it('serves scrapes from gauges refreshed on a timer, without a query per scrape', async () => {
    await h.call({ method: 'GET', url: '/metrics', key: METRICS_TOKEN });
    let queries = 0;
    const count = () => queries++;
    h.database.pool.on('acquire', count);
    for (let i = 0; i < 20; i++) await h.call({ method: 'GET', url: '/metrics', key: METRICS_TOKEN });
    h.database.pool.off('acquire', count);
    expect(queries).toBe(0);
  });
});
