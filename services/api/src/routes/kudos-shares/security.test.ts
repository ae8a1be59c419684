import { beforeAll, describe, expect, it } from 'vitest';
import { type Endpoint, expectBadRequest, SQLISH, useSecurityHarness } from '../../test/security.js';

const sec = useSecurityHarness();
/** A live link the refused requests below try to revoke. */
let share: { id: number; token: string };

const make = (payload: object, key = sec.h.keys.write) =>
  sec.h.call({ method: 'POST', url: '/v1/kudos/shares', key, payload });
const writes = (): Endpoint[] => [
  { method: 'POST', url: '/v1/kudos/shares', scope: 'write', payload: { brand: 'Acme' } },
  { method: 'DELETE', url: `/v1/kudos/shares/${share.id}`, scope: 'write' },
];
const list: Endpoint = { method: 'GET', url: '/v1/kudos/shares', scope: 'read' };

/** Still one link, still live: its wall opens. */
async function expectUntouched() {
  expect(await sec.countRows('kudos_shares')).toBe(1);
  expect((await sec.h.call({ method: 'GET', url: `/v1/shared/kudos/${share.token}`, key: null })).status).toBe(200);
}

beforeAll(async () => {
  const made = await make({ brand: 'Acme' });
  expect(made.status).toBe(201);
  share = { id: made.body.id, token: made.body.token };
});

describe('kudos links: auth', () => {
  it('refuses no key, a malformed header, an unknown key and a revoked key on every keyed route', async () => {
    for (const e of [list, ...writes()]) await sec.expectAuthRequired(e);
    await expectUntouched();
  });

  it('opens the shared wall without a key, but only for a live token', async () => {
    for (const token of ['gc_unknown-token', ...SQLISH]) {
      const res = await sec.h.call({ method: 'GET', url: `/v1/shared/kudos/${encodeURIComponent(token)}`, key: null });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });
});

describe('kudos links: scopes', () => {
  it('lets every key list them', async () => {
    await sec.expectReadable(list);
  });

  it('needs the write scope to make or revoke one, and a refused request writes nothing', async () => {
    for (const e of writes()) await sec.expectScopeEnforced(e);
    await expectUntouched();
  });
});

describe('kudos links: injection', () => {
  it.each(SQLISH)('refuses %j as an id or a number with 400 naming it, writing nothing', async (text) => {
    const v = encodeURIComponent(text);
    expectBadRequest(
      await sec.h.call({ method: 'DELETE', url: `/v1/kudos/shares/${v}`, key: sec.h.keys.write }),
      'params.id',
    );
    expectBadRequest(await make({ days: text }), 'body.days');
    expectBadRequest(await make({ expiresInDays: text }), 'body.expiresInDays');
    expectBadRequest(await make({ brand: 'Acme', [text]: 1 }), /body/);
    await expectUntouched();
  });

  it('refuses oversized input with 400 naming the field, writing nothing', async () => {
    expectBadRequest(await make({ brand: 'b'.repeat(201) }), 'body.brand');
    expectBadRequest(await make({ days: 367 }), 'body.days');
    expectBadRequest(
      await sec.h.call({ method: 'DELETE', url: `/v1/kudos/shares/${2 ** 31}`, key: sec.h.keys.write }),
      'params.id',
    );
    // Past 100 characters Fastify refuses any path parameter before routing: 414, as clear.
    const long = await sec.h.call({ method: 'GET', url: `/v1/shared/kudos/${'t'.repeat(101)}`, key: null });
    expect(long.status).toBe(414);
    expect(long.body.error.code).toBe('uri_too_long');
    await expectUntouched();
  });
});
