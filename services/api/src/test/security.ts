import type { Scope } from '@goodchatter/db';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Harness, startHarness } from './api-harness.js';
import { createKey } from './api-keys.js';

/** One route as a security test calls it: a request that would succeed with the right key. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  /** The scope the route declares (`config.scope`; plugins/auth.ts: admin ⊃ write ⊃ read). */
  scope: Scope;
  payload?: InjectOptions['payload'];
}

export const describeEndpoint = (e: Endpoint) => `${e.method} ${e.url}`;

/** Keys a security test needs besides the harness's read/write/admin ones. */
export interface SecurityKeys {
  /** A stored admin key, used once (so the API has it cached), then revoked through the API. */
  revoked: string;
}

async function securityKeys(h: Harness): Promise<SecurityKeys> {
  const made = await createKey(h, { name: 'revoked in a security test', scopes: ['admin'] });
  expect(made.status).toBe(201);
  expect((await h.call({ method: 'GET', url: '/v1/api-keys', key: made.body.key })).status).toBe(200);
  expect((await h.call({ method: 'DELETE', url: `/v1/api-keys/${made.body.id}`, key: h.keys.admin })).status).toBe(204);
  return { revoked: made.body.key };
}

/** A security test file's API, with the checks every route's file makes bound to it. */
export interface SecurityHarness {
  /** The running API; read it in tests and hooks (it starts in beforeAll). */
  readonly h: Harness;
  readonly keys: SecurityKeys;
  expectAuthRequired(e: Endpoint): Promise<void>;
  expectScopeEnforced(e: Endpoint): Promise<void>;
  expectReadable(e: Endpoint): Promise<void>;
  countRows(from: string): Promise<number>;
}

/**
 * Starts one API for the calling test file, with its keys, in beforeAll, and closes it in
 * afterAll. A file's own beforeAll, registered after this call, runs once it is up; its own
 * afterAll runs before the API closes (vitest runs after-hooks last registered first).
 */
export function useSecurityHarness(): SecurityHarness {
  let h: Harness | undefined;
  let keys: SecurityKeys | undefined;
  beforeAll(async () => {
    h = await startHarness();
    keys = await securityKeys(h);
  });
  afterAll(async () => {
    await h?.close();
  });
  const started = () => {
    if (!h || !keys) throw new Error('the security harness is read before its beforeAll ran');
    return { h, keys };
  };
  return {
    get h() {
      return started().h;
    },
    get keys() {
      return started().keys;
    },
    expectAuthRequired: (e) => expectAuthRequired(started().h, e, started().keys),
    expectScopeEnforced: (e) => expectScopeEnforced(started().h, e),
    expectReadable: (e) => expectReadable(started().h, e),
    countRows: (from) => countRows(started().h, from),
  };
}

/**
 * No key, a malformed Authorization header, a well-formed unknown key and a revoked key:
 * each is refused with 401 `unauthorized` before the route runs. (Each refusal counts
 * against the per-address limit of 100 a window: a file stays well under it.)
 */
async function expectAuthRequired(h: Harness, e: Endpoint, keys: SecurityKeys): Promise<void> {
  const attempts: { what: string; key: string | null; headers?: Record<string, string> }[] = [
    { what: 'no key', key: null },
    { what: 'a Basic header', key: null, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } },
    { what: 'an unknown key', key: 'gc_unknown-key-0123456789abcdefghijklmnop' },
    { what: 'a revoked key', key: keys.revoked },
  ];
  for (const { what, key, headers } of attempts) {
    const res = await h.call({ method: e.method, url: e.url, payload: e.payload, key, headers });
    expect(res.status, `${describeEndpoint(e)} with ${what}`).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthorized', requestId: expect.any(String) });
  }
}

/**
 * Every key ranked below the route's scope gets 403 `forbidden` naming the scope it lacks.
 * Nothing ranks below read (every key has a scope), so a read route is checked with
 * expectReadable instead.
 */
async function expectScopeEnforced(h: Harness, e: Endpoint): Promise<void> {
  const below: Record<Scope, [string, string][]> = {
    read: [],
    write: [['read', h.keys.read]],
    admin: [
      ['read', h.keys.read],
      ['write', h.keys.write],
    ],
  };
  if (below[e.scope].length === 0) throw new Error(`${describeEndpoint(e)}: no scope ranks below ${e.scope}`);
  for (const [what, key] of below[e.scope]) {
    const res = await h.call({ method: e.method, url: e.url, payload: e.payload, key });
    expect(res.status, `${describeEndpoint(e)} with a ${what} key`).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toContain(`lacks the ${e.scope} scope`);
  }
}

/** A read route lets every key through, the read key included (no 401, no 403). */
async function expectReadable(h: Harness, e: Endpoint): Promise<void> {
  const res = await h.call({ method: e.method, url: e.url, key: h.keys.read });
  expect(res.status, `${describeEndpoint(e)} with a read key`).toBeLessThan(400);
}

/** A 400 `bad_request` whose message names what was wrong (`querystring.limit`, `body.name`, …). */
export function expectBadRequest(
  res: { status: number; body: { error?: { code: string; message: string } } },
  field: string | RegExp,
): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error?.code).toBe('bad_request');
  if (typeof field === 'string') expect(res.body.error?.message).toContain(field);
  else expect(res.body.error?.message).toMatch(field);
}

/** Rows in a table (`from`: a table name, optionally with a WHERE), to show a refused request wrote nothing. */
async function countRows(h: Harness, from: string): Promise<number> {
  const { rows } = await h.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`);
  return rows[0]?.n ?? 0;
}

/** Text that would change a query built by string concatenation (every query here is parameterised). */
export const SQLISH = ["' OR '1'='1", '1; DROP TABLE mentions; --', "x' UNION SELECT hash FROM api_keys --"];
