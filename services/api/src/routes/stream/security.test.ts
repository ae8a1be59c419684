import { describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
const stream: Endpoint = { method: 'GET', url: '/v1/stream', scope: 'read' };
const get = (url: string, headers: Record<string, string> = {}) => sec.h.call({ method: 'GET', url, headers });

describe('GET /v1/stream: auth and scopes', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key with 401, opening no stream', async () => {
    await sec.expectAuthRequired(stream);
    expect(sec.h.app.streams.subscribers()).toBe(0);
  });

  it('lets every key listen (nothing ranks below read): HEAD answers at once with a read key', async () => {
    // HEAD, not GET: a granted GET is a stream that never ends.
    const res = await sec.h.app.inject({
      method: 'HEAD',
      url: '/v1/stream',
      headers: { authorization: `Bearer ${sec.h.keys.read}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
  });
});

describe('GET /v1/stream: injection', () => {
  it.each(SQLISH)('refuses %j as labels or as Last-Event-ID with 400, opening no stream', async (text) => {
    expectBadRequest(await get(`/v1/stream?labels=${encodeURIComponent(text)}`), 'querystring.labels');
    expectBadRequest(await get(`/v1/stream?labels=praise,${encodeURIComponent(text)}`), 'querystring.labels');
    expectBadRequest(await get('/v1/stream', { 'last-event-id': text }), /last-event-id/);
    expect(sec.h.app.streams.subscribers()).toBe(0);
  });

  it('refuses oversized and unknown input with 400, opening no stream', async () => {
    expectBadRequest(await get('/v1/stream', { 'last-event-id': `${'1'.repeat(16)}-0` }), /last-event-id/);
    expectBadRequest(await get(`/v1/stream?labels=${'praise'.repeat(100)}`), 'querystring.labels');
    expectBadRequest(await get('/v1/stream?labels=praise&since=0'), /querystring/);
    expect(sec.h.app.streams.subscribers()).toBe(0);
  });
});
